package io.pinrepo.maven.metadata;

import io.pinrepo.MalformedPackageException;
import io.pinrepo.maven.internal.SafeXml;
import io.pinrepo.maven.internal.XmlElement;
import io.pinrepo.maven.internal.XmlWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One {@code maven-metadata.xml}: artifact level (the version list), snapshot version level (the
 * builds) or group level (plugin prefixes); a single file may hold more than one kind when paths
 * coincide, so every part is kept. Empty strings stand for absent elements.
 *
 * <p>The {@code with*} methods derive the state after a deploy. Unlike stock Maven, which records
 * the last deployed version, {@code <versions>} is always in Maven order and {@code <release>} and
 * {@code <latest>} are the highest release and the highest version, whatever the deploy order.
 * Rendering is deterministic: equal values give identical bytes.
 *
 * @param groupId the groupId
 * @param artifactId the artifactId
 * @param version the version (snapshot version-level metadata)
 * @param versioning the versioning element
 * @param plugins the plugins of group-level metadata, ordered by artifactId
 */
public record MavenMetadata(
    String groupId,
    String artifactId,
    String version,
    Versioning versioning,
    List<PluginEntry> plugins) {

  private static final DateTimeFormatter LAST_UPDATED =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

  /** Metadata with nothing in it: what a missing file means. */
  public static final MavenMetadata EMPTY =
      new MavenMetadata("", "", "", Versioning.EMPTY, List.of());

  /** Copies the plugin list; rejects nulls. */
  public MavenMetadata {
    Objects.requireNonNull(groupId, "groupId");
    Objects.requireNonNull(artifactId, "artifactId");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(versioning, "versioning");
    plugins = List.copyOf(plugins);
  }

  /**
   * Parses a {@code maven-metadata.xml}; unknown elements are ignored.
   *
   * @throws MalformedPackageException when it is not well-formed, has a DTD or its root is not
   *     {@code metadata}
   */
  public static MavenMetadata parse(String source, byte[] xml) throws MalformedPackageException {
    XmlElement root = SafeXml.parse(source, xml);
    if (!root.name().equals("metadata")) {
      throw new MalformedPackageException(source, "root element is <" + root.name() + ">");
    }
    try {
      return fromXml(root);
    } catch (IllegalArgumentException e) {
      throw new MalformedPackageException(source, e.getMessage(), e);
    }
  }

  /** {@code when} as {@code <lastUpdated>} writes it: {@code yyyyMMddHHmmss} in UTC. */
  public static String lastUpdated(Instant when) {
    return LAST_UPDATED.format(when);
  }

  /**
   * Artifact-level metadata after deploying {@code newVersion} of {@code groupId:artifactId} at
   * {@code now}: the version is added, the list sorted in Maven order, {@code latest} and {@code
   * release} recomputed. Returns this unchanged when the version is already listed and nothing else
   * would change.
   */
  public MavenMetadata withVersion(
      String groupId, String artifactId, String newVersion, Instant now) {
    TreeSet<String> all = new TreeSet<>(VersionOrder.MAVEN);
    all.addAll(versioning.versions());
    all.add(newVersion);
    List<String> sorted = List.copyOf(all);
    String latest = sorted.get(sorted.size() - 1);
    String release =
        sorted.stream()
            .filter(v -> !VersionOrder.isSnapshot(v))
            .reduce((a, b) -> b)
            .orElse(versioning.release());
    Versioning same =
        new Versioning(
            latest,
            release,
            sorted,
            versioning.lastUpdated(),
            versioning.snapshot(),
            versioning.snapshotVersions());
    MavenMetadata unchangedButSorted =
        new MavenMetadata(groupId, artifactId, version, same, plugins);
    if (unchangedButSorted.equals(this)) {
      return this;
    }
    Versioning next =
        new Versioning(
            latest,
            release,
            sorted,
            lastUpdated(now),
            versioning.snapshot(),
            versioning.snapshotVersions());
    return new MavenMetadata(groupId, artifactId, version, next, plugins);
  }

  /**
   * Snapshot version-level metadata after deploying {@code build} of {@code
   * groupId:artifactId:snapshotVersion} with files of the {@code deployed} kinds ({@code
   * classifier:extension}). Entries of kinds not deployed now are kept, unless {@code keepBuilds}
   * is positive and their build is not among the newest {@code keepBuilds} build numbers.
   */
  public MavenMetadata withSnapshotBuild(
      String groupId,
      String artifactId,
      String snapshotVersion,
      SnapshotBuild build,
      Set<String> deployed,
      int keepBuilds) {
    Map<String, SnapshotVersion> byKey = new TreeMap<>();
    int oldest = keepBuilds > 0 ? build.buildNumber() - keepBuilds + 1 : Integer.MIN_VALUE;
    for (SnapshotVersion existing : versioning.snapshotVersions()) {
      if (existing.buildNumber() >= oldest) {
        byKey.put(existing.key(), existing);
      }
    }
    String value = build.fileVersion(snapshotVersion);
    for (String kind : deployed) {
      int colon = kind.indexOf(':');
      SnapshotVersion entry =
          new SnapshotVersion(
              kind.substring(0, colon), kind.substring(colon + 1), value, build.updated());
      byKey.put(entry.key(), entry);
    }
    Versioning next =
        new Versioning(
            versioning.latest(),
            versioning.release(),
            versioning.versions(),
            build.updated(),
            new Snapshot(build.timestamp(), build.buildNumber()),
            new ArrayList<>(byKey.values()));
    return new MavenMetadata(groupId, artifactId, snapshotVersion, next, plugins);
  }

  /**
   * Group-level metadata with {@code plugin} listed (replacing an entry with its artifactId); this
   * unchanged when it is listed already.
   */
  public MavenMetadata withPlugin(PluginEntry plugin) {
    Map<String, PluginEntry> byArtifact = new TreeMap<>();
    plugins.forEach(p -> byArtifact.put(p.artifactId(), p));
    byArtifact.put(plugin.artifactId(), plugin);
    List<PluginEntry> next = List.copyOf(byArtifact.values());
    return next.equals(plugins)
        ? this
        : new MavenMetadata(groupId, artifactId, version, versioning, next);
  }

  /** The newest build number, 0 when there is none. */
  public int buildNumber() {
    return versioning.snapshot().buildNumber();
  }

  /** Renders the metadata as UTF-8 XML, deterministically. */
  public byte[] toXml() {
    boolean v11 = !versioning.snapshotVersions().isEmpty();
    XmlWriter xml = new XmlWriter().open("metadata", v11 ? "modelVersion=\"1.1.0\"" : "");
    xml.leaf("groupId", groupId).leaf("artifactId", artifactId);
    writeVersioning(xml);
    xml.leaf("version", version);
    if (!plugins.isEmpty()) {
      xml.open("plugins");
      for (PluginEntry p : plugins) {
        xml.open("plugin").leaf("name", p.name()).leaf("prefix", p.prefix());
        xml.leaf("artifactId", p.artifactId()).close("plugin");
      }
      xml.close("plugins");
    }
    return xml.close("metadata").toBytes();
  }

  private void writeVersioning(XmlWriter xml) {
    Versioning v = versioning;
    if (v.isEmpty()) {
      return;
    }
    xml.open("versioning").leaf("latest", v.latest()).leaf("release", v.release());
    if (!v.versions().isEmpty()) {
      xml.open("versions");
      v.versions().forEach(each -> xml.leaf("version", each));
      xml.close("versions");
    }
    xml.leaf("lastUpdated", v.lastUpdated());
    if (!v.snapshot().isNone()) {
      xml.open("snapshot").leaf("timestamp", v.snapshot().timestamp());
      xml.leaf("buildNumber", Integer.toString(v.snapshot().buildNumber())).close("snapshot");
    }
    if (!v.snapshotVersions().isEmpty()) {
      xml.open("snapshotVersions");
      for (SnapshotVersion s : v.snapshotVersions()) {
        xml.open("snapshotVersion").leaf("classifier", s.classifier());
        xml.leaf("extension", s.extension()).leaf("value", s.value());
        xml.leaf("updated", s.updated()).close("snapshotVersion");
      }
      xml.close("snapshotVersions");
    }
    xml.close("versioning");
  }

  private static MavenMetadata fromXml(XmlElement root) {
    Versioning versioning =
        root.child("versioning").map(MavenMetadata::versioning).orElse(Versioning.EMPTY);
    List<PluginEntry> plugins = new ArrayList<>();
    root.child("plugins")
        .ifPresent(
            ps ->
                ps.children("plugin")
                    .forEach(
                        p ->
                            plugins.add(
                                new PluginEntry(
                                    p.childText("name"),
                                    p.childText("prefix"),
                                    p.childText("artifactId")))));
    plugins.sort(Comparator.comparing(PluginEntry::artifactId));
    return new MavenMetadata(
        root.childText("groupId"),
        root.childText("artifactId"),
        root.childText("version"),
        versioning,
        plugins);
  }

  private static Versioning versioning(XmlElement v) {
    List<String> versions = new ArrayList<>();
    v.child("versions")
        .ifPresent(vs -> vs.children("version").forEach(e -> versions.add(e.text())));
    Snapshot snapshot =
        v.child("snapshot")
            .map(
                s ->
                    new Snapshot(
                        s.childText("timestamp"), parseBuildNumber(s.childText("buildNumber"))))
            .orElse(Snapshot.NONE);
    Map<String, SnapshotVersion> snapshotVersions = new LinkedHashMap<>();
    v.child("snapshotVersions")
        .ifPresent(
            svs ->
                svs.children("snapshotVersion")
                    .forEach(
                        sv -> {
                          SnapshotVersion entry =
                              new SnapshotVersion(
                                  sv.childText("classifier"),
                                  sv.childText("extension"),
                                  sv.childText("value"),
                                  sv.childText("updated"));
                          snapshotVersions.putIfAbsent(entry.key(), entry);
                        }));
    return new Versioning(
        v.childText("latest"),
        v.childText("release"),
        versions,
        v.childText("lastUpdated"),
        snapshot,
        new ArrayList<>(snapshotVersions.values()));
  }

  private static int parseBuildNumber(String text) {
    if (text.isEmpty()) {
      return 0;
    }
    if (!text.matches("\\d{1,9}")) {
      throw new IllegalArgumentException("buildNumber is not a number: '" + text + "'");
    }
    return Integer.parseInt(text);
  }
}

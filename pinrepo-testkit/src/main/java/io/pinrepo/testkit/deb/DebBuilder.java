package io.pinrepo.testkit.deb;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorOutputStream;

/**
 * Builds real Debian binary packages (format 2.0: an {@code ar} archive of {@code debian-binary},
 * {@code control.tar[.gz|.xz|.zst]} and {@code data.tar[...]}) that {@code dpkg-deb} and apt
 * accept. Output is deterministic: the same settings give the same bytes. Not thread-safe.
 *
 * <pre>{@code
 * byte[] deb = DebBuilder.of("hello", "1.0-1", "amd64").controlCompression(Compression.XZ).build();
 * }</pre>
 */
public final class DebBuilder {

  /** How a member tar is compressed. */
  public enum Compression {
    /** A plain {@code .tar}. */
    NONE(""),
    /** {@code .tar.gz}. */
    GZIP(".gz"),
    /** {@code .tar.xz}. */
    XZ(".xz"),
    /** {@code .tar.zst}. */
    ZSTD(".zst");

    private final String suffix;

    Compression(String suffix) {
      this.suffix = suffix;
    }

    /** The member name suffix after {@code .tar}, such as {@code .gz}. */
    public String suffix() {
      return suffix;
    }
  }

  private static final Instant MTIME = Instant.parse("2026-01-01T00:00:00Z");

  private final Map<String, String> fields = new LinkedHashMap<>();
  private final Map<String, byte[]> files = new TreeMap<>();
  private Compression controlCompression = Compression.GZIP;
  private Compression dataCompression = Compression.GZIP;
  private String rawControl;

  private DebBuilder(String name, String version, String architecture) {
    fields.put("Package", name);
    fields.put("Version", version);
    fields.put("Architecture", architecture);
    fields.put("Maintainer", "Pinrepo Tests <tests@example.org>");
    fields.put("Installed-Size", "1");
    fields.put("Section", "utils");
    fields.put("Priority", "optional");
    fields.put("Description", "test package " + name + "\n Built by pinrepo's DebBuilder.");
    files.put(
        "usr/share/doc/" + name + "/README",
        (name + " " + version + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /** A package with the given identity, a maintainer, a description and one small file. */
  public static DebBuilder of(String name, String version, String architecture) {
    return new DebBuilder(
        Objects.requireNonNull(name, "name"),
        Objects.requireNonNull(version, "version"),
        Objects.requireNonNull(architecture, "architecture"));
  }

  /**
   * Sets a control field; a new field goes before {@code Description}, an existing one keeps its
   * place. Continuation lines of a multi-line value start with a space.
   */
  public DebBuilder field(String name, String value) {
    if (fields.containsKey(name)) {
      fields.put(name, value);
      return this;
    }
    String description = fields.remove("Description");
    fields.put(name, value);
    if (description != null) {
      fields.put("Description", description);
    }
    return this;
  }

  /** Uses {@code controlText} verbatim as the control file, ignoring the fields set. */
  public DebBuilder rawControl(String controlText) {
    this.rawControl = Objects.requireNonNull(controlText, "controlText");
    return this;
  }

  /** Adds (or replaces) a file in the data archive, at a relative path. */
  public DebBuilder file(String path, byte[] content) {
    files.put(path, content.clone());
    return this;
  }

  /** How {@code control.tar} is compressed; gzip by default. */
  public DebBuilder controlCompression(Compression compression) {
    this.controlCompression = Objects.requireNonNull(compression, "compression");
    return this;
  }

  /** How {@code data.tar} is compressed; gzip by default. */
  public DebBuilder dataCompression(Compression compression) {
    this.dataCompression = Objects.requireNonNull(compression, "compression");
    return this;
  }

  /** The control file as it will be written. */
  public String controlText() {
    if (rawControl != null) {
      return rawControl;
    }
    StringBuilder sb = new StringBuilder();
    fields.forEach((k, v) -> sb.append(k).append(": ").append(v).append('\n'));
    return sb.toString();
  }

  /** The conventional file name, {@code name_version_arch.deb} without the epoch. */
  public String fileName() {
    String version = fields.get("Version");
    return fields.get("Package")
        + "_"
        + version.substring(version.indexOf(':') + 1)
        + "_"
        + fields.get("Architecture")
        + ".deb";
  }

  /** The package's bytes. */
  public byte[] build() {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (ArArchiveOutputStream ar = new ArArchiveOutputStream(out)) {
        member(ar, "debian-binary", "2.0\n".getBytes(StandardCharsets.UTF_8));
        member(ar, "control.tar" + controlCompression.suffix(), controlTar());
        member(ar, "data.tar" + dataCompression.suffix(), dataTar());
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("building " + fileName(), e);
    }
  }

  /** Writes the package into {@code directory} under {@link #fileName()} and returns its path. */
  public Path writeTo(Path directory) throws IOException {
    Files.createDirectories(directory);
    return Files.write(directory.resolve(fileName()), build());
  }

  private byte[] controlTar() throws IOException {
    Map<String, byte[]> members = new TreeMap<>();
    members.put("control", controlText().getBytes(StandardCharsets.UTF_8));
    members.put("md5sums", new byte[0]);
    return tar(members, controlCompression);
  }

  private byte[] dataTar() throws IOException {
    return tar(files, dataCompression);
  }

  private static byte[] tar(Map<String, byte[]> members, Compression compression)
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream compressed = compress(bytes, compression);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(compressed)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_GNU);
      TreeSet<String> dirs = new TreeSet<>();
      for (String path : members.keySet()) {
        for (int i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) {
          dirs.add(path.substring(0, i + 1));
        }
      }
      List<String> order = new ArrayList<>();
      order.add("");
      order.addAll(dirs);
      for (String dir : order) {
        TarArchiveEntry entry = new TarArchiveEntry("./" + dir);
        stamp(entry, 040755);
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
      }
      for (Map.Entry<String, byte[]> member : members.entrySet()) {
        TarArchiveEntry entry = new TarArchiveEntry("./" + member.getKey());
        stamp(entry, 0100644);
        entry.setSize(member.getValue().length);
        tar.putArchiveEntry(entry);
        tar.write(member.getValue());
        tar.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }

  private static void stamp(TarArchiveEntry entry, int mode) {
    entry.setMode(mode);
    entry.setModTime(Date.from(MTIME));
    entry.setUserId(0);
    entry.setGroupId(0);
    entry.setUserName("root");
    entry.setGroupName("root");
  }

  private static OutputStream compress(OutputStream out, Compression compression)
      throws IOException {
    return switch (compression) {
      case NONE -> out;
      case GZIP -> new GzipCompressorOutputStream(out);
      case XZ -> new XZCompressorOutputStream(out);
      case ZSTD -> new ZstdCompressorOutputStream(out);
    };
  }

  private static void member(ArArchiveOutputStream ar, String name, byte[] content)
      throws IOException {
    ArArchiveEntry entry =
        new ArArchiveEntry(name, content.length, 0, 0, 0100644, MTIME.getEpochSecond());
    ar.putArchiveEntry(entry);
    ar.write(content);
    ar.closeArchiveEntry();
  }
}

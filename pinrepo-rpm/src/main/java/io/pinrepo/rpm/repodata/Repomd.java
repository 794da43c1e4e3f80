package io.pinrepo.rpm.repodata;

import io.pinrepo.MalformedPackageException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code repodata/repomd.xml}: the one file dnf reads first, naming every other repodata file with
 * its checksum. {@link #render} writes the bytes createrepo_c writes for the same records; {@link
 * #parse} reads them back (elements other than those of {@link RepomdRecord} are not kept).
 *
 * @param revision the repository's revision (createrepo_c writes the time, in seconds)
 * @param records the data files, in the order they are listed; one per type
 */
public record Repomd(String revision, List<RepomdRecord> records) {
  private static final String NAMESPACE = "http://linux.duke.edu/metadata/repo";

  /** Checks the revision and that no type repeats; copies the records. */
  public Repomd {
    Objects.requireNonNull(revision, "revision");
    if (revision.isEmpty() || revision.chars().anyMatch(c -> c < 0x20)) {
      throw new IllegalArgumentException("bad revision '" + revision + "'");
    }
    records = List.copyOf(records);
    Set<String> types = new HashSet<>();
    for (RepomdRecord r : records) {
      if (!types.add(r.type())) {
        throw new IllegalArgumentException("two records of type " + r.type());
      }
    }
  }

  /** The record of {@code type}, if listed. */
  public Optional<RepomdRecord> record(String type) {
    return records.stream().filter(r -> r.type().equals(type)).findFirst();
  }

  /** The document's bytes: UTF-8, {@code \n} line ends, ending with a line end. */
  public byte[] render() {
    StringBuilder out = new StringBuilder(512 + 512 * records.size());
    out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<repomd xmlns=\"")
        .append(NAMESPACE)
        .append("\" xmlns:rpm=\"")
        .append(PrimaryXml.RPM_NAMESPACE)
        .append("\">\n");
    XmlText.element(out, 2, "revision", revision);
    for (RepomdRecord r : records) {
      XmlText.attr(out.append("  <data"), "type", r.type()).append(">\n");
      out.append("    <checksum type=\"sha256\">").append(r.checksum()).append("</checksum>\n");
      if (!r.openChecksum().isEmpty()) {
        out.append("    <open-checksum type=\"sha256\">").append(r.openChecksum());
        out.append("</open-checksum>\n");
      }
      XmlText.attr(out.append("    <location"), "href", r.location()).append("/>\n");
      out.append("    <timestamp>").append(r.timestamp()).append("</timestamp>\n");
      out.append("    <size>").append(r.size()).append("</size>\n");
      if (r.openSize() >= 0) {
        out.append("    <open-size>").append(r.openSize()).append("</open-size>\n");
      }
      out.append("  </data>\n");
    }
    out.append("</repomd>\n");
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Reads {@code repomd.xml}.
   *
   * @param source the file's name, for messages
   * @throws MalformedPackageException when it is not a repomd.xml with SHA-256 checksums
   */
  public static Repomd parse(String source, byte[] bytes) throws IOException {
    XmlCursor c = XmlCursor.open(source, new ByteArrayInputStream(bytes));
    if (!c.root().equals("repomd")) {
      throw c.bad("not a repomd.xml");
    }
    String revision = "";
    List<RepomdRecord> records = new ArrayList<>();
    for (String child = c.next(1); child != null; child = c.next(1)) {
      if (child.equals("revision")) {
        revision = c.text().strip();
      } else if (child.equals("data")) {
        records.add(data(c));
      }
    }
    try {
      return new Repomd(revision, records);
    } catch (IllegalArgumentException e) {
      throw c.bad(e.getMessage());
    }
  }

  private static RepomdRecord data(XmlCursor c) throws MalformedPackageException {
    String type = c.required("type");
    String checksum = "";
    String openChecksum = "";
    String location = "";
    long timestamp = 0;
    long size = -1;
    long openSize = -1;
    for (String child = c.next(2); child != null; child = c.next(2)) {
      switch (child) {
        case "checksum" -> checksum = sha256(c, type);
        case "open-checksum" -> openChecksum = sha256(c, type);
        case "location" -> location = c.required("href");
        case "timestamp" -> timestamp = number(c, type);
        case "size" -> size = number(c, type);
        case "open-size" -> openSize = number(c, type);
        default -> {}
      }
    }
    try {
      return new RepomdRecord(type, location, checksum, openChecksum, timestamp, size, openSize);
    } catch (IllegalArgumentException e) {
      throw c.bad("data " + type + ": " + e.getMessage());
    }
  }

  private static String sha256(XmlCursor c, String type) throws MalformedPackageException {
    if (!"sha256".equals(c.attribute("type"))) {
      throw c.bad("data " + type + " has a " + c.attribute("type") + " checksum, not sha256");
    }
    return c.text().strip();
  }

  private static long number(XmlCursor c, String type) throws MalformedPackageException {
    String text = c.text().strip();
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw c.bad("data " + type + " has the number '" + text + "'");
    }
  }
}

package io.pinrepo.testkit.python;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Builds a source distribution, {@code {name}-{version}.tar.gz} (PEP 625) or the legacy {@code
 * .zip}, holding {@code {name}-{version}/PKG-INFO} and a {@code setup.py}. Not thread-safe.
 */
public final class SdistBuilder {

  /** The archive format. */
  public enum Format {
    /** {@code .tar.gz}. */
    TAR_GZ,
    /** {@code .zip}. */
    ZIP
  }

  private final MetadataText meta;
  private final Map<String, byte[]> extraEntries = new LinkedHashMap<>();
  private Format format = Format.TAR_GZ;
  private byte[] rawMetadata;

  private SdistBuilder(String name, String version) {
    this.meta = new MetadataText(name, version);
  }

  /** An sdist of project {@code name} at {@code version}. */
  public static SdistBuilder of(String name, String version) {
    return new SdistBuilder(Objects.requireNonNull(name), Objects.requireNonNull(version));
  }

  /** Chooses the archive format (default {@code .tar.gz}). */
  public SdistBuilder format(Format format) {
    this.format = Objects.requireNonNull(format);
    return this;
  }

  /** Sets {@code Metadata-Version} (default 2.1). */
  public SdistBuilder metadataVersion(String version) {
    meta.metadataVersion = version;
    return this;
  }

  /** Sets {@code Requires-Python}. */
  public SdistBuilder requiresPython(String specifier) {
    meta.requiresPython = specifier;
    return this;
  }

  /** Writes {@code version} in PKG-INFO instead of the file's version. */
  public SdistBuilder metadataVersionField(String version) {
    meta.version = version;
    return this;
  }

  /** Uses {@code bytes} as PKG-INFO verbatim. */
  public SdistBuilder rawMetadata(byte[] bytes) {
    this.rawMetadata = bytes.clone();
    return this;
  }

  /** Adds an entry with any name (even an unsafe one), before PKG-INFO. */
  public SdistBuilder entry(String path, byte[] content) {
    extraEntries.put(path, content.clone());
    return this;
  }

  private String base() {
    return meta.escapedName() + "-" + meta.version;
  }

  /** The file name this builder writes. */
  public String fileName() {
    return base() + (format == Format.TAR_GZ ? ".tar.gz" : ".zip");
  }

  /** Writes the sdist into {@code directory} and returns its path. */
  public Path writeTo(Path directory) throws IOException {
    Files.createDirectories(directory);
    String fileName = fileName();
    String base = base();
    Map<String, byte[]> files = new LinkedHashMap<>(extraEntries);
    files.put(base + "/PKG-INFO", rawMetadata != null ? rawMetadata : meta.render());
    files.put(
        base + "/setup.py",
        WheelBuilder.utf8(
            "from setuptools import setup\nsetup(name='"
                + meta.name
                + "', version='"
                + meta.version
                + "', py_modules=[])\n"));
    Path target = directory.resolve(fileName);
    try (OutputStream out = Files.newOutputStream(target)) {
      if (format == Format.TAR_GZ) {
        writeTarGz(out, files);
      } else {
        writeZip(out, files);
      }
    }
    return target;
  }

  private static void writeTarGz(OutputStream out, Map<String, byte[]> files) throws IOException {
    try (GZIPOutputStream gz = new GZIPOutputStream(out);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Map.Entry<String, byte[]> e : files.entrySet()) {
        TarArchiveEntry entry = new TarArchiveEntry(e.getKey(), true);
        entry.setSize(e.getValue().length);
        entry.setMode(0100644);
        entry.setModTime(1_600_000_000_000L);
        tar.putArchiveEntry(entry);
        tar.write(e.getValue());
        tar.closeArchiveEntry();
      }
    }
  }

  private static void writeZip(OutputStream out, Map<String, byte[]> files) throws IOException {
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> e : files.entrySet()) {
        ZipEntry entry = new ZipEntry(e.getKey());
        entry.setTime(1_600_000_000_000L);
        zip.putNextEntry(entry);
        zip.write(e.getValue());
        zip.closeEntry();
      }
    }
  }
}

package io.pinrepo.debian;

import io.pinrepo.MalformedPackageException;
import io.pinrepo.debian.control.ControlParagraph;
import io.pinrepo.hash.DigestingInputStream;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.tukaani.xz.MemoryLimitException;

/**
 * Reads a .deb in one streamed pass, as hostile input: the {@code ar} members in the order deb(5)
 * requires, the control file from {@code control.tar[.gz|.xz|.zst]} (plain files only: no links,
 * devices or paths outside it), unless asked not to every entry of {@code data.tar[...]} (no path
 * that climbs out of the package root, no unknown entry type, no decompression bomb, nothing
 * truncated), and the digests of the whole file. Memory stays bounded whatever the package's size
 * or content: the control file is at most {@link #MAX_CONTROL_BYTES}, tar headers are read a block
 * at a time, and {@link MemberStreams} bounds what compressed members expand to. Every refusal is a
 * {@link MalformedPackageException} whose message names the file and says what is wrong in words.
 */
final class DebReader {

  /** The largest control file accepted. */
  static final int MAX_CONTROL_BYTES = 1 << 20;

  private static final int MAX_DEBIAN_BINARY = 1024;

  private DebReader() {}

  /**
   * Reads a .deb.
   *
   * @param checkData whether to read {@code data.tar} through too; without, only its {@code ar}
   *     framing is checked and its content is hashed unread (about ten times faster for a large
   *     package, which is almost all data)
   */
  static DebPackage read(InputStream raw, String source, boolean checkData) throws IOException {
    DigestingInputStream digesting = new DigestingInputStream(new BufferedInputStream(raw));
    ArArchive ar = new ArArchive(digesting, source);
    checkFormat(ar, source);
    ArArchive.Member control = member(ar, "control.tar", "debian-binary", source);
    ControlParagraph paragraph = ControlText.parse(readControl(ar, control, source), source);
    ArArchive.Member data = member(ar, "data.tar", control.name(), source);
    if (checkData) {
      checkData(ar, data, source);
    }
    while (ar.next().isPresent()) {
      // Members after data.tar are for future formats: ignored, but they must be whole.
    }
    return DebPackage.of(paragraph, digesting.digests(), source);
  }

  /** A member's content is not what its name says: one line, without Java's words. */
  static MalformedPackageException corrupt(String member, String source, Exception e) {
    if (e instanceof MemoryLimitException m) {
      return new MalformedPackageException(
          source,
          member
              + " would need "
              + (m.getMemoryNeeded() >> 10)
              + " MiB of memory to decompress (at most "
              + (MemberStreams.MAX_DICTIONARY_KIB >> 10)
              + " MiB)",
          e);
    }
    String how = e instanceof EOFException ? " (it ends early)" : "";
    return new MalformedPackageException(
        source, member + " is corrupt: not valid " + format(member) + " data" + how, e);
  }

  private static String format(String member) {
    int dot = member.lastIndexOf('.');
    String suffix = member.substring(dot + 1);
    return switch (suffix) {
      case "gz" -> "gzip";
      case "xz" -> "xz";
      case "zst" -> "zstd";
      case "bz2" -> "bzip2";
      case "lzma" -> "lzma";
      default -> "tar";
    };
  }

  private static void checkFormat(ArArchive ar, String source) throws IOException {
    Optional<ArArchive.Member> first = ar.next();
    if (first.isEmpty() || !first.get().name().equals("debian-binary")) {
      throw new MalformedPackageException(
          source, "not a Debian package: its first member is not debian-binary");
    }
    if (first.get().size() > MAX_DEBIAN_BINARY) {
      throw new MalformedPackageException(
          source, "debian-binary is " + first.get().size() + " bytes, not a format version");
    }
    String version =
        new String(ar.content().readAllBytes(), StandardCharsets.US_ASCII)
            .lines()
            .findFirst()
            .orElse("");
    if (!version.startsWith("2.")) {
      throw new MalformedPackageException(
          source,
          "unsupported package format '" + TarWalker.printable(version.strip()) + "' (need 2.x)");
    }
  }

  /** The next member after those starting with {@code _}, which must be {@code base[.*]}. */
  private static ArArchive.Member member(ArArchive ar, String base, String after, String source)
      throws IOException {
    Optional<ArArchive.Member> next = ar.next();
    while (next.isPresent() && next.get().name().startsWith("_")) {
      next = ar.next();
    }
    if (next.isEmpty() || !next.get().name().startsWith(base)) {
      throw new MalformedPackageException(
          source,
          "has no "
              + base
              + " member after "
              + after
              + " (found "
              + next.map(m -> TarWalker.printable(m.name())).orElse("the end of the file")
              + ")");
    }
    return next.get();
  }

  private static byte[] readControl(ArArchive ar, ArArchive.Member member, String source)
      throws IOException {
    String name = member.name();
    try (InputStream tar = MemberStreams.control(name, ar.content(), source)) {
      TarWalker walker = new TarWalker(tar, source, name);
      byte[] control = null;
      for (Optional<TarWalker.Entry> e = walker.next(); e.isPresent(); e = walker.next()) {
        String path = ControlArchive.check(e.get(), walker);
        if (path.equals("control")) {
          if (control != null) {
            throw walker.malformed("holds two control files");
          }
          if (e.get().size() > MAX_CONTROL_BYTES) {
            throw new MalformedPackageException(
                source, "control file is " + e.get().size() + " bytes; at most 1 MiB is accepted");
          }
          control = walker.readContent(MAX_CONTROL_BYTES);
        }
      }
      if (control == null) {
        throw walker.malformed("has no control file");
      }
      return control;
    } catch (MalformedPackageException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw corrupt(name, source, e);
    }
  }

  private static void checkData(ArArchive ar, ArArchive.Member member, String source)
      throws IOException {
    String name = member.name();
    try (InputStream tar = MemberStreams.data(name, ar.content(), source)) {
      TarWalker walker = new TarWalker(tar, source, name);
      for (Optional<TarWalker.Entry> e = walker.next(); e.isPresent(); e = walker.next()) {
        TarWalker.Entry entry = e.get();
        if (ControlArchive.climbs(entry.name())) {
          throw walker.malformed(
              "holds a path that climbs out of the package root ("
                  + TarWalker.printable(entry.name())
                  + ")");
        }
        if (entry.type() == '1' && ControlArchive.climbs(entry.linkName())) {
          throw walker.malformed(
              "holds a hard link to a path outside the package ("
                  + TarWalker.printable(entry.name())
                  + " -> "
                  + TarWalker.printable(entry.linkName())
                  + ")");
        }
      }
    } catch (MalformedPackageException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw corrupt(name, source, e);
    }
  }
}

package io.pinrepo.build;

import io.pinrepo.build.manifest.BuildName;
import io.pinrepo.build.manifest.BuildPath;
import io.pinrepo.build.manifest.BuildVersion;
import io.pinrepo.build.pointer.PointerName;
import io.pinrepo.spi.ObjectKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where builds and pointers live in a storage, all under {@value #PREFIX}:
 *
 * <pre>
 * builds/&lt;name&gt;/versions/&lt;version&gt;/files/&lt;path&gt;          the build's files (blobs, written first)
 * builds/&lt;name&gt;/versions/&lt;version&gt;/manifest.json         its manifest: the build exists once this does
 * builds/&lt;name&gt;/newest/&lt;19 digits&gt;-&lt;version&gt;            listing marker, written after the manifest
 * builds/&lt;name&gt;/pointers/&lt;pointer&gt;/current.json          the pointer: replaced only by compare-and-swap
 * builds/&lt;name&gt;/pointers/&lt;pointer&gt;/history/&lt;19 digits&gt;.json   one write-once object per change
 * </pre>
 *
 * <h2>Why listing markers, and not an index object per name</h2>
 *
 * A marker's 19 digits are {@code Long.MAX_VALUE} minus the build's publish time in epoch
 * milliseconds, zero-padded, so the storage's ascending key order is newest first: the first page
 * of builds is one list request, and a publish writes one small object of its own instead of
 * rewriting a shared per-name index. That keeps a publish's storage operations and bytes constant
 * however many builds a name has, and builds of the same name published at once never conflict with
 * each other (an index object would make every concurrent publish of a name retry on the same top,
 * and grow with every build). The cost is on the reading side: a page deep in the list is reached
 * by walking the listing from its start (one list request per 1,000 builds on S3), and the order is
 * by the publishers' clocks. History entries use the same inversion on the change's sequence
 * number, so the newest changes come first and GC reads only the recent ones.
 *
 * <p>The markers are the name's listing: a publish under a retention other than keep-all deletes
 * the markers of the builds it drops, and GC then removes those builds unless a pointer names them.
 *
 * <p>Within a name, {@code newest/} sorts before {@code pointers/} and {@code versions/}; a
 * version's {@code files/} sort before its {@code manifest.json}.
 */
public final class BuildLayout {
  private BuildLayout() {}

  /** The prefix of every object the build format writes. */
  public static final String PREFIX = "builds/";

  private static final int DIGITS = 19;

  /** The prefix of everything of build line {@code name}. */
  public static String prefix(BuildName name) {
    return PREFIX + name.value() + "/";
  }

  /** The manifest of a build. */
  public static ObjectKey manifest(BuildName name, BuildVersion version) {
    return ObjectKey.of("builds", name.value(), "versions", version.value(), "manifest.json");
  }

  /** The prefix of a build's objects (files and manifest). */
  public static String versionPrefix(BuildName name, BuildVersion version) {
    return prefix(name) + "versions/" + version.value() + "/";
  }

  /** A file of a build. */
  public static ObjectKey file(BuildName name, BuildVersion version, BuildPath path) {
    return ObjectKey.of(versionPrefix(name, version) + "files/" + path.value());
  }

  /** The prefix of a name's listing markers, newest first. */
  public static String markerPrefix(BuildName name) {
    return prefix(name) + "newest/";
  }

  /** The listing marker of a build published at {@code time}. */
  public static ObjectKey marker(BuildName name, Instant time, BuildVersion version) {
    return ObjectKey.of(markerPrefix(name) + invert(time.toEpochMilli()) + "-" + version.value());
  }

  /** The prefix of a name's pointers. */
  public static String pointerPrefix(BuildName name) {
    return prefix(name) + "pointers/";
  }

  /** A pointer's current state, its top. */
  public static ObjectKey pointer(BuildName name, PointerName pointer) {
    return ObjectKey.of(pointerPrefix(name) + pointer.value() + "/current.json");
  }

  /** The prefix of a pointer's history entries, newest first. */
  public static String historyPrefix(BuildName name, PointerName pointer) {
    return pointerPrefix(name) + pointer.value() + "/history/";
  }

  /** The history entry of a pointer's change number {@code seq}. */
  public static ObjectKey historyEntry(BuildName name, PointerName pointer, long seq) {
    return ObjectKey.of(historyPrefix(name, pointer) + invert(seq) + ".json");
  }

  /** What a key of this layout names. */
  public sealed interface Key {
    /** The build line the key belongs to. */
    BuildName name();
  }

  /**
   * A build's listing marker.
   *
   * @param name the build line
   * @param time the build's publish time
   * @param version the build
   */
  public record MarkerKey(BuildName name, Instant time, BuildVersion version) implements Key {
    /** The build the marker lists. */
    public BuildRef ref() {
      return new BuildRef(name, version, time);
    }
  }

  /**
   * A pointer's top.
   *
   * @param name the build line
   * @param pointer the pointer
   */
  public record PointerKey(BuildName name, PointerName pointer) implements Key {}

  /**
   * A pointer's history entry.
   *
   * @param name the build line
   * @param pointer the pointer
   * @param seq the change's number, from 1
   */
  public record HistoryKey(BuildName name, PointerName pointer, long seq) implements Key {}

  /**
   * A build's manifest.
   *
   * @param name the build line
   * @param version the build
   */
  public record ManifestKey(BuildName name, BuildVersion version) implements Key {}

  /**
   * A build's file.
   *
   * @param name the build line
   * @param version the build
   * @param path the file's path in the build
   */
  public record FileKey(BuildName name, BuildVersion version, BuildPath path) implements Key {}

  /** What {@code key} names, or empty when it is not a key of this layout. */
  public static Optional<Key> parse(ObjectKey key) {
    List<String> s = key.segments();
    if (s.size() < 4 || !s.get(0).equals("builds")) {
      return Optional.empty();
    }
    try {
      BuildName name = BuildName.of(s.get(1));
      return Optional.ofNullable(
          switch (s.get(2)) {
            case "newest" -> s.size() == 4 ? marker(name, s.get(3)) : null;
            case "pointers" -> pointerKey(name, s);
            case "versions" -> versionKey(name, s);
            default -> null;
          });
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Key marker(BuildName name, String segment) {
    if (segment.length() < DIGITS + 2 || segment.charAt(DIGITS) != '-') {
      return null;
    }
    long millis = revert(segment.substring(0, DIGITS));
    return new MarkerKey(
        name, Instant.ofEpochMilli(millis), BuildVersion.of(segment.substring(DIGITS + 1)));
  }

  private static Key pointerKey(BuildName name, List<String> s) {
    PointerName pointer = PointerName.of(s.get(3));
    if (s.size() == 5 && s.get(4).equals("current.json")) {
      return new PointerKey(name, pointer);
    }
    if (s.size() == 6 && s.get(4).equals("history") && s.get(5).endsWith(".json")) {
      String digits = s.get(5).substring(0, s.get(5).length() - ".json".length());
      return digits.length() == DIGITS ? new HistoryKey(name, pointer, revert(digits)) : null;
    }
    return null;
  }

  private static Key versionKey(BuildName name, List<String> s) {
    BuildVersion version = BuildVersion.of(s.get(3));
    if (s.size() == 5 && s.get(4).equals("manifest.json")) {
      return new ManifestKey(name, version);
    }
    if (s.size() >= 6 && s.get(4).equals("files")) {
      return new FileKey(name, version, BuildPath.of(String.join("/", s.subList(5, s.size()))));
    }
    return null;
  }

  private static String invert(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("negative time or sequence: " + n);
    }
    return String.format("%0" + DIGITS + "d", Long.MAX_VALUE - n);
  }

  private static long revert(String digits) {
    if (digits.length() != DIGITS || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("not " + DIGITS + " digits: " + digits);
    }
    return Long.MAX_VALUE - Long.parseLong(digits);
  }
}

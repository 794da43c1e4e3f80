package io.pinrepo.pypi.version;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PEP 440 version, such as {@code 1!2.0.post1.dev3+local.7}: parsed from any spelling PEP 440
 * allows ({@code 1.0-RC_1}, {@code v2.0}, {@code 1.0-1}), printed in normal form by {@link
 * #toString()}, and ordered as PEP 440 orders them (epoch, release without trailing zeros,
 * pre-releases after the dev releases of the same release, post releases, local labels last).
 *
 * <p>Equality follows the ordering: {@code 1.0} equals {@code 1.0.0}, as in {@code packaging}.
 * Numbers have no size limit. It does not parse legacy (non-PEP 440) versions. Immutable.
 */
public final class Pep440Version implements Comparable<Pep440Version> {

  private static final Pattern SYNTAX =
      Pattern.compile(
          "v?(?:(?<epoch>[0-9]+)!)?(?<release>[0-9]+(?:\\.[0-9]+)*)"
              + "(?<pre>[-_.]?(?<preL>alpha|a|beta|b|preview|pre|c|rc)[-_.]?(?<preN>[0-9]+)?)?"
              + "(?<post>(?:-(?<postN1>[0-9]+))|(?:[-_.]?(?<postL>post|rev|r)[-_.]?(?<postN2>[0-9]+)?))?"
              + "(?<dev>[-_.]?(?<devL>dev)[-_.]?(?<devN>[0-9]+)?)?"
              + "(?:\\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?",
          Pattern.CASE_INSENSITIVE);

  /** The pre-release phase; declaration order is the PEP 440 order. */
  public enum Phase {
    /** {@code a}, also spelled {@code alpha}. */
    ALPHA("a"),
    /** {@code b}, also spelled {@code beta}. */
    BETA("b"),
    /** {@code rc}, also spelled {@code c}, {@code pre}, {@code preview}. */
    RC("rc");

    private final String label;

    Phase(String label) {
      this.label = label;
    }

    static Phase of(String spelled) {
      return switch (spelled.toLowerCase(Locale.ROOT)) {
        case "a", "alpha" -> ALPHA;
        case "b", "beta" -> BETA;
        default -> RC;
      };
    }
  }

  private final BigInteger epoch;
  private final List<BigInteger> release;
  private final Phase prePhase;
  private final BigInteger preNumber;
  private final BigInteger post;
  private final BigInteger dev;
  private final List<Object> local; // BigInteger or lower-case String parts
  private final String normal;

  private Pep440Version(Matcher m) {
    epoch = m.group("epoch") == null ? BigInteger.ZERO : new BigInteger(m.group("epoch"));
    release = Arrays.stream(m.group("release").split("\\.")).map(BigInteger::new).toList();
    prePhase = m.group("preL") == null ? null : Phase.of(m.group("preL"));
    preNumber = prePhase == null ? null : number(m.group("preN"));
    if (m.group("post") == null) {
      post = null;
    } else {
      post = number(m.group("postN1") != null ? m.group("postN1") : m.group("postN2"));
    }
    dev = m.group("dev") == null ? null : number(m.group("devN"));
    local = m.group("local") == null ? List.of() : parseLocal(m.group("local"));
    normal = render();
  }

  /**
   * Parses {@code text} (surrounding white space is ignored).
   *
   * @throws IllegalArgumentException when it is not a PEP 440 version
   */
  public static Pep440Version parse(String text) {
    Objects.requireNonNull(text, "text");
    Matcher m = SYNTAX.matcher(text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException("not a PEP 440 version: '" + text + "'");
    }
    return new Pep440Version(m);
  }

  /** Parses {@code text}, or empty when it is not a PEP 440 version. */
  public static Optional<Pep440Version> tryParse(String text) {
    Matcher m = SYNTAX.matcher(text.strip());
    return m.matches() ? Optional.of(new Pep440Version(m)) : Optional.empty();
  }

  /** Whether this is a pre-release or a dev release (which pip skips unless asked). */
  public boolean isPreRelease() {
    return prePhase != null || dev != null;
  }

  /** Whether this is a post release. */
  public boolean isPostRelease() {
    return post != null;
  }

  /** Whether this has a local label ({@code +...}). */
  public boolean isLocal() {
    return !local.isEmpty();
  }

  /** The epoch, 0 when not written. */
  public BigInteger epoch() {
    return epoch;
  }

  /** The release segment as written, trailing zeros kept. */
  public List<BigInteger> release() {
    return release;
  }

  private static BigInteger number(String digits) {
    return digits == null ? BigInteger.ZERO : new BigInteger(digits);
  }

  private static List<Object> parseLocal(String text) {
    List<Object> parts = new ArrayList<>();
    for (String part : text.toLowerCase(Locale.ROOT).split("[-_.]")) {
      parts.add(part.chars().allMatch(c -> c >= '0' && c <= '9') ? new BigInteger(part) : part);
    }
    return List.copyOf(parts);
  }

  private String render() {
    StringBuilder sb = new StringBuilder();
    if (epoch.signum() != 0) {
      sb.append(epoch).append('!');
    }
    for (int i = 0; i < release.size(); i++) {
      sb.append(i == 0 ? "" : ".").append(release.get(i));
    }
    if (prePhase != null) {
      sb.append(prePhase.label).append(preNumber);
    }
    if (post != null) {
      sb.append(".post").append(post);
    }
    if (dev != null) {
      sb.append(".dev").append(dev);
    }
    for (int i = 0; i < local.size(); i++) {
      sb.append(i == 0 ? "+" : ".").append(local.get(i));
    }
    return sb.toString();
  }

  /** The normal form, such as {@code 1.0rc1.post2}: parsing it gives an equal version. */
  @Override
  public String toString() {
    return normal;
  }

  /** The PEP 440 order; see {@link VersionOrder}. */
  @Override
  public int compareTo(Pep440Version other) {
    return VersionOrder.compare(this, other);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Pep440Version v && compareTo(v) == 0;
  }

  @Override
  public int hashCode() {
    return VersionOrder.hash(this);
  }

  // accessors for VersionOrder
  Phase prePhase() {
    return prePhase;
  }

  BigInteger preNumber() {
    return preNumber;
  }

  BigInteger post() {
    return post;
  }

  BigInteger dev() {
    return dev;
  }

  List<Object> local() {
    return local;
  }
}

package io.pinrepo.pypi.version;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The PEP 440 ordering, as {@code packaging.version} computes it: compare epoch, then the release
 * without trailing zeros, then the pre-release (a dev release of a final release sorts before all
 * its pre-releases; a final sorts after them), then the post release (none first), then the dev
 * release (none last), then the local label (none first; numeric parts above alphanumeric ones; a
 * longer label above its prefix).
 */
final class VersionOrder {
  private VersionOrder() {}

  static int compare(Pep440Version a, Pep440Version b) {
    int c = a.epoch().compareTo(b.epoch());
    if (c != 0) {
      return c;
    }
    c = compareLists(trimmed(a.release()), trimmed(b.release()));
    if (c != 0) {
      return c;
    }
    c = Integer.compare(preRank(a), preRank(b));
    if (c == 0 && a.prePhase() != null) {
      c = a.preNumber().compareTo(b.preNumber());
    }
    if (c != 0) {
      return c;
    }
    c = compareOptional(a.post(), b.post(), -1);
    if (c != 0) {
      return c;
    }
    c = compareOptional(a.dev(), b.dev(), +1);
    if (c != 0) {
      return c;
    }
    return compareLocal(a.local(), b.local());
  }

  static int hash(Pep440Version v) {
    return Objects.hash(
        v.epoch(), trimmed(v.release()), preRank(v), v.preNumber(), v.post(), v.dev(), v.local());
  }

  /** Dev-only of a final first (-1), then a/b/rc (0..2), then no pre-release (3). */
  private static int preRank(Pep440Version v) {
    if (v.prePhase() == null) {
      return v.post() == null && v.dev() != null ? -1 : 3;
    }
    return v.prePhase().ordinal();
  }

  /** Compares two optional numbers; {@code absentSign} is where an absent one sorts. */
  private static int compareOptional(BigInteger a, BigInteger b, int absentSign) {
    if (a == null || b == null) {
      return a == b ? 0 : (a == null ? absentSign : -absentSign);
    }
    return a.compareTo(b);
  }

  private static List<BigInteger> trimmed(List<BigInteger> release) {
    List<BigInteger> copy = new ArrayList<>(release);
    while (copy.size() > 1 && copy.get(copy.size() - 1).signum() == 0) {
      copy.remove(copy.size() - 1);
    }
    if (copy.size() == 1 && copy.get(0).signum() == 0) {
      return List.of();
    }
    return copy;
  }

  private static int compareLists(List<BigInteger> a, List<BigInteger> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  private static int compareLocal(List<Object> a, List<Object> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      Object x = a.get(i);
      Object y = b.get(i);
      int c;
      if (x instanceof BigInteger bx && y instanceof BigInteger by) {
        c = bx.compareTo(by);
      } else if (x instanceof BigInteger) {
        c = 1;
      } else if (y instanceof BigInteger) {
        c = -1;
      } else {
        c = ((String) x).compareTo((String) y);
      }
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }
}

package io.pinrepo.rpm.repodata;

/**
 * The {@code flags} attribute of a dependency in {@code primary.xml}: how its version is compared.
 * Only the five comparisons rpm can express appear; anything else is {@link #NONE}.
 */
public enum Comparison {
  /** Unversioned (no {@code flags} attribute). */
  NONE,
  /** {@code <}. */
  LT,
  /** {@code >}. */
  GT,
  /** {@code =}. */
  EQ,
  /** {@code <=}. */
  LE,
  /** {@code >=}. */
  GE;

  /** The comparison in rpm's sense flags, as createrepo_c maps them (other combinations: none). */
  public static Comparison ofSenseFlags(int flags) {
    return switch (flags & 0xF) {
      case 2 -> LT;
      case 4 -> GT;
      case 8 -> EQ;
      case 10 -> LE;
      case 12 -> GE;
      default -> NONE;
    };
  }

  /** The attribute's text, {@code ""} for {@link #NONE}. */
  String attribute() {
    return this == NONE ? "" : name();
  }

  static Comparison ofAttribute(String text) {
    return text.isEmpty() ? NONE : valueOf(text);
  }
}

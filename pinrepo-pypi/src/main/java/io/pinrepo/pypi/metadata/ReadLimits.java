package io.pinrepo.pypi.metadata;

/**
 * How much a {@link DistributionReader} is willing to read from one archive, so that a crafted file
 * (a zip bomb, a tar with millions of entries) fails fast instead of exhausting the machine.
 *
 * @param maxMetadataBytes the largest METADATA or PKG-INFO accepted, uncompressed
 * @param maxEntries the most archive entries looked at
 * @param maxScannedBytes the most uncompressed bytes an sdist may make the reader skip before its
 *     PKG-INFO is found
 */
public record ReadLimits(long maxMetadataBytes, int maxEntries, long maxScannedBytes) {

  /** 16 MiB of metadata, 200,000 entries, 2 GiB scanned. */
  public static final ReadLimits DEFAULT = new ReadLimits(16L << 20, 200_000, 2L << 30);

  /** Rejects limits that are not positive. */
  public ReadLimits {
    if (maxMetadataBytes <= 0 || maxEntries <= 0 || maxScannedBytes <= 0) {
      throw new IllegalArgumentException(
          "limits must be positive: "
              + maxMetadataBytes
              + ", "
              + maxEntries
              + ", "
              + maxScannedBytes);
    }
  }

  /** {@code bytes} in the largest binary unit that divides it, such as {@code 16 MiB}. */
  static String describe(long bytes) {
    String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB"};
    int unit = 0;
    long value = bytes;
    while (unit < units.length - 1 && value >= 1024 && value % 1024 == 0) {
      value /= 1024;
      unit++;
    }
    return value + " " + units[unit];
  }
}

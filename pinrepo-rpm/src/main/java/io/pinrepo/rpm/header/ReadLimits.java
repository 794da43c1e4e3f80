package io.pinrepo.rpm.header;

/**
 * How much an {@link RpmReader} is willing to hold in memory for one package's headers, so that a
 * crafted file fails fast instead of exhausting the machine. The payload is never held: it is
 * streamed past and digested.
 *
 * @param maxSignatureBytes the largest signature header data store accepted
 * @param maxHeaderBytes the largest main header data store accepted
 * @param maxHeaderEntries the most index entries (tags) accepted in the main header
 */
public record ReadLimits(int maxSignatureBytes, int maxHeaderBytes, int maxHeaderEntries) {

  /** rpm's own ceilings: 256 MiB of header data and 65,535 tags. */
  private static final int RPM_MAX_DATA = 0x0FFF_FFFF;

  private static final int RPM_MAX_ENTRIES = 0xFFFF;

  /** 1 MiB of signature header, 64 MiB of header, 65,535 tags (rpm's own maximum). */
  public static final ReadLimits DEFAULT = new ReadLimits(1 << 20, 64 << 20, RPM_MAX_ENTRIES);

  /** Rejects limits that are not positive or exceed what rpm itself accepts. */
  public ReadLimits {
    if (maxSignatureBytes <= 0 || maxSignatureBytes > RPM_MAX_DATA) {
      throw new IllegalArgumentException("maxSignatureBytes out of range: " + maxSignatureBytes);
    }
    if (maxHeaderBytes <= 0 || maxHeaderBytes > RPM_MAX_DATA) {
      throw new IllegalArgumentException("maxHeaderBytes out of range: " + maxHeaderBytes);
    }
    if (maxHeaderEntries <= 0 || maxHeaderEntries > RPM_MAX_ENTRIES) {
      throw new IllegalArgumentException("maxHeaderEntries out of range: " + maxHeaderEntries);
    }
  }
}

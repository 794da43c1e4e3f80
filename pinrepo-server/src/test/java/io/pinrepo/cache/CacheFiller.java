package io.pinrepo.cache;

import io.pinrepo.fs.FileSystemStorage;
import io.pinrepo.hash.HashAlgorithm;
import io.pinrepo.spi.ByteRange;
import io.pinrepo.spi.ForwardingStorage;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectStream;
import io.pinrepo.spi.Storage;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * A process that fills a cache from a filesystem origin, for {@link CrossProcessTest}; prints one
 * line per step. Usage: {@code CacheFiller MODE ORIGIN_DIR CACHE_DIR KEY...} where MODE is
 *
 * <ul>
 *   <li>{@code fill}: reads each key through the cache, printing {@code filled KEY};
 *   <li>{@code hang}: as {@code fill} for all keys but the last, then starts reading the last and,
 *       one MiB into it, prints {@code midway} and waits on stdin (for a kill -9);
 *   <li>{@code digest}: reads each key twice (a miss, then a hit), printing {@code KEY SHA256
 *       SHA256}.
 * </ul>
 */
final class CacheFiller {

  private CacheFiller() {}

  public static void main(String[] args) throws IOException {
    String mode = args[0];
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    int last = args.length - 1;
    Storage origin = FileSystemStorage.open(Path.of(args[1]));
    if (mode.equals("hang")) {
      origin = new HangsMidway(origin, ObjectKey.of(args[last]), out);
    }
    try (ReadThroughCache cache =
        ReadThroughCache.builder(origin, Path.of(args[2]))
            .immutableWhen(key -> true)
            .maxBytes(1L << 40)
            .build()) {
      for (int i = 3; i < args.length; i++) {
        ObjectKey key = ObjectKey.of(args[i]);
        if (mode.equals("digest")) {
          out.println(key + " " + sha256(cache, key) + " " + sha256(cache, key));
        } else {
          sha256(cache, key);
          out.println("filled " + key);
        }
      }
    }
  }

  private static String sha256(ReadThroughCache cache, ObjectKey key) throws IOException {
    MessageDigest digest = HashAlgorithm.SHA256.newDigest();
    byte[] buffer = new byte[64 * 1024];
    try (CachedRead read = cache.open(key, ByteRange.ALL)) {
      for (int n = read.stream().read(buffer); n >= 0; n = read.stream().read(buffer)) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** Yields the first MiB of one key, says so, then waits for stdin, which never comes. */
  private static final class HangsMidway extends ForwardingStorage {
    private final ObjectKey held;
    private final PrintStream out;

    HangsMidway(Storage delegate, ObjectKey held, PrintStream out) {
      super(delegate);
      this.held = held;
      this.out = out;
    }

    @Override
    public ObjectStream read(ObjectKey key, ByteRange range) throws IOException {
      ObjectStream in = super.read(key, range);
      if (!key.equals(held)) {
        return in;
      }
      InputStream midway =
          new FilterInputStream(in) {
            private long left = 1 << 20;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
              if (left == 0) {
                out.println("midway");
                if (System.in.read() < 0) {
                  throw new IOException("the test went away");
                }
              }
              int n = super.read(b, off, (int) Math.min(len, Math.max(left, 1)));
              left = Math.max(0, left - Math.max(n, 0));
              return n;
            }
          };
      return new ObjectStream(midway, in.info());
    }
  }
}

package io.pinrepo.mirror;

import io.pinrepo.fs.FileSystemStorage;
import io.pinrepo.spi.ByteRange;
import io.pinrepo.spi.ForwardingStorage;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectStream;
import io.pinrepo.spi.Storage;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * A mirror in a JVM of its own, for {@link CrossProcessMirrorTest}: {@code MODE ORIGIN-DIR
 * REGION-DIR KEY}. Mode {@code locate} prints {@code ready}, waits for a line on stdin, locates the
 * key in region {@code eu} and prints the outcome; mode {@code hang} streams the copy and, half-way
 * through the origin's bytes, prints {@code midway} and blocks forever (to be killed).
 */
final class MirrorProcess {

  private MirrorProcess() {}

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    ObjectKey key = ObjectKey.of(args[3]);
    try (FileSystemStorage fsOrigin = FileSystemStorage.open(Path.of(args[1]));
        FileSystemStorage region = FileSystemStorage.open(Path.of(args[2]))) {
      Storage origin = mode.equals("hang") ? new Hanging(fsOrigin) : fsOrigin;
      try (RegionalMirror mirror =
          RegionalMirror.builder(origin)
              .formats(List.of(new ManifestFormat()))
              .region("eu", region, URI.create("http://eu.example/"))
              .build()) {
        System.out.println("ready");
        System.out.flush();
        if (mode.equals("locate")) {
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        }
        Located located = mirror.locate(key, "eu");
        System.out.println(located.outcome());
        System.out.flush();
      }
    }
  }

  /** An origin (hiding its server-side copy) whose reads stop half-way, forever. */
  private static final class Hanging extends ForwardingStorage {
    Hanging(Storage delegate) {
      super(delegate);
    }

    @Override
    public ObjectStream read(ObjectKey key, ByteRange range) throws IOException {
      ObjectStream in = super.read(key, range);
      long half = in.info().size() / 2;
      InputStream stopping =
          new FilterInputStream(in) {
            private long passed;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
              if (passed >= half) {
                System.out.println("midway");
                System.out.flush();
                try {
                  Thread.sleep(Long.MAX_VALUE); // until killed
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  throw new IOException("interrupted");
                }
              }
              int n = super.read(b, off, (int) Math.min(len, Math.max(1, half - passed)));
              passed += Math.max(n, 0);
              return n;
            }
          };
      return new ObjectStream(stopping, in.info());
    }
  }
}

package io.pinrepo.benchmarks;

import io.pinrepo.MalformedPackageException;
import io.pinrepo.debian.control.ControlParagraph;
import io.pinrepo.hash.Digests;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The work an APT publish does on the whole {@code Packages} index of {@code n} packages, piece by
 * piece: decode and parse it into paragraphs, render and encode it again, gzip it (level 6, the
 * default), digest it. The index is the one a publish of {@code n} packages writes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
public class PackagesIndexBenchmark {

  /** Packages in the index. */
  @Param({"1000", "10000", "100000"})
  public int n;

  private byte[] packages;
  private List<ControlParagraph> paragraphs;

  /** Publishes {@code n} packages and reads back the index. */
  @Setup(Level.Trial)
  public void makeIndex() throws IOException {
    Path dir = Files.createTempDirectory("index-bench");
    Fixtures.aptRepository(dir, n, Optional.empty(), false);
    Path index = dir.resolve("dists/stable/main/binary-amd64/Packages");
    packages = Files.readAllBytes(index);
    paragraphs = parse();
    Trees.delete(dir);
  }

  /** UTF-8 decoding and deb822 parsing of the whole index. */
  @Benchmark
  public List<ControlParagraph> parse() throws MalformedPackageException {
    return ControlParagraph.parseAll(new String(packages, StandardCharsets.UTF_8), "Packages");
  }

  /** Rendering the parsed paragraphs and encoding them as UTF-8. */
  @Benchmark
  public byte[] render() {
    return ControlParagraph.format(paragraphs).getBytes(StandardCharsets.UTF_8);
  }

  /** Gzip at level 6, as {@code Packages.gz} is written. */
  @Benchmark
  public byte[] gzip() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(packages.length / 4);
    try (GZIPOutputStream gz =
        new GZIPOutputStream(out, 64 * 1024) {
          {
            def.setLevel(Deflater.DEFAULT_COMPRESSION);
          }
        }) {
      gz.write(packages);
    }
    return out.toByteArray();
  }

  /** The four digests of the index, as the Release lists them. */
  @Benchmark
  public Digests digests() {
    return Digests.of(packages);
  }
}

package io.pinrepo.cli;

import io.pinrepo.debian.AptRepository;
import io.pinrepo.fixtures.deb.DebBuilder;
import io.pinrepo.fixtures.python.WheelBuilder;
import io.pinrepo.fs.FileSystemStorage;
import io.pinrepo.maven.ArtifactFile;
import io.pinrepo.maven.Deployment;
import io.pinrepo.maven.MavenRepository;
import io.pinrepo.pypi.PypiRepository;
import io.pinrepo.server.RepositoryServer;
import io.pinrepo.sign.PgpKeyGenerator;
import io.pinrepo.sign.PgpSigner;
import io.pinrepo.sign.Signer;
import io.pinrepo.spi.ContentSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pinrepo demo}: publishes a sample .deb, jar, wheel and .rpm into a signed filesystem
 * repository, serves it, and prints what to paste into apt, pip, Maven and dnf to consume it.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Publish and serve a sample .deb, jar, wheel and .rpm; print how to use them.",
      "",
      "Generates a throwaway signing key and keeps it beside DIR, in DIR.key/, never in",
      "the folder that is served. Publishes pinrepo-demo 1.0.0 in all four formats,",
      "then serves DIR over HTTP until interrupted and prints the apt sources line,",
      "pip's --index-url, Maven's <repository> block and dnf's .repo file. Running it",
      "again re-uses the key and changes nothing."
    })
final class DemoCommand implements Callable<Integer> {

  static final String NAME = "pinrepo-demo";
  static final String VERSION = "1.0.0";
  static final String GROUP = "io.pinrepo.demo";
  private static final long FIXED_TIME = 1_767_225_600_000L; // 2026-01-01T00:00:00Z

  @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "Default: demo-repo.")
  Path dir = Path.of("demo-repo");

  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "Port to serve on (0: any free one). Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(
      names = "--bind",
      defaultValue = "127.0.0.1",
      description = "Address to serve on. Default: ${DEFAULT-VALUE}.")
  String bind;

  @Option(names = "--no-serve", description = "Publish and print, but do not serve.")
  boolean noServe;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Path root = dir.toAbsolutePath().normalize();
    PrintWriter out = spec.commandLine().getOut();
    Clock clock = Clock.systemUTC();
    try (FileSystemStorage storage = FileSystemStorage.open(root)) {
      Signer signer = demoKey(root, clock);
      Path work = Files.createTempDirectory("pinrepo-demo");
      try {
        publish(storage, signer, clock, work);
      } finally {
        deleteTree(work);
      }
      out.println("published " + NAME + " " + VERSION + " (.deb, jar, wheel, .rpm) into " + root);
      out.println("its signing key stays outside it, in " + keyDirectory(root));
      if (noServe) {
        printSnippets(out, root, URI.create("http://" + bind + ":" + port + "/"));
        out.println("serve it with: pinrepo serve --repo " + root + " --port " + port);
        return 0;
      }
      try (RepositoryServer server =
          RepositoryServer.builder(storage)
              .bindAddress(InetAddress.getByName(bind))
              .port(port)
              .start()) {
        printSnippets(out, root, server.baseUri());
        out.println("serving " + root + " at " + server.baseUri() + " (Ctrl-C to stop)");
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
        stopped.await();
      }
    }
    return 0;
  }

  /**
   * The directory that keeps the demo's secret key: {@code DIR.key} beside the repository, so that
   * no static host serving the repository can hand it out.
   */
  static Path keyDirectory(Path root) {
    if (root.getParent() == null || root.getFileName() == null) {
      throw new IllegalArgumentException("demo: DIR must not be the root of the filesystem");
    }
    return root.resolveSibling(root.getFileName() + ".key");
  }

  /**
   * Loads the demo key from {@link #keyDirectory}, generating it on the first run, and puts its
   * public half into the repository for clients. A key that an older version kept inside the
   * repository ({@code .pinrepo/demo-key}) is moved out.
   */
  private static Signer demoKey(Path root, Clock clock) throws IOException {
    Path keyDir = keyDirectory(root);
    Path secret = keyDir.resolve("secret.asc");
    Path armored = keyDir.resolve("public.asc");
    Path binary = keyDir.resolve("public.gpg");
    Path legacy = root.resolve(".pinrepo").resolve("demo-key");
    if (!Files.exists(secret)) {
      Files.createDirectories(keyDir);
      if (Files.isRegularFile(legacy.resolve("secret.asc"))
          && Files.isRegularFile(root.resolve(NAME + ".asc"))) {
        Files.copy(root.resolve(NAME + ".asc"), armored);
        Files.copy(root.resolve(NAME + ".gpg"), binary);
        Files.move(legacy.resolve("secret.asc"), secret);
      } else {
        PgpKeyGenerator.GeneratedKey key =
            PgpKeyGenerator.generate("pinrepo demo <demo@pinrepo.invalid>", clock);
        Files.writeString(armored, key.armoredPublicKey());
        Files.write(binary, key.binaryPublicKey());
        writeOwnerOnly(secret, key.armoredSecretKey());
      }
    }
    deleteTree(legacy);
    Files.copy(armored, root.resolve(NAME + ".asc"), StandardCopyOption.REPLACE_EXISTING);
    Files.copy(binary, root.resolve(NAME + ".gpg"), StandardCopyOption.REPLACE_EXISTING);
    try (InputStream in = Files.newInputStream(secret)) {
      return PgpSigner.load(in, secret.toString(), new char[0], clock);
    }
  }

  /** Writes a new file that only its owner may read, where the filesystem has POSIX modes. */
  private static void writeOwnerOnly(Path file, String text) throws IOException {
    try {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException notPosix) {
      Files.createFile(file);
    }
    Files.writeString(file, text);
  }

  private static void publish(FileSystemStorage storage, Signer signer, Clock clock, Path work)
      throws IOException {
    Path deb =
        DebBuilder.of(NAME, VERSION, "all")
            .field("Section", "misc")
            .field("Description", "pinrepo's demo package\n It only installs a note.")
            .file(
                "usr/share/doc/" + NAME + "/README",
                "published by pinrepo\n".getBytes(StandardCharsets.UTF_8))
            .writeTo(work);
    AptRepository.builder(storage)
        .signer(signer)
        .clock(clock)
        .origin("pinrepo-demo")
        .label("pinrepo demo")
        .build()
        .publish("stable", "main", List.of(deb));

    Path wheel = WheelBuilder.of(NAME, VERSION).summary("pinrepo's demo package").writeTo(work);
    PypiRepository.builder(storage).clock(clock).build().publish(wheel);

    DemoRpm.publish(storage, signer, clock, work);

    String pom =
        "<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n"
            + "  <modelVersion>4.0.0</modelVersion>\n"
            + "  <groupId>"
            + GROUP
            + "</groupId>\n"
            + "  <artifactId>"
            + NAME
            + "</artifactId>\n"
            + "  <version>"
            + VERSION
            + "</version>\n"
            + "  <packaging>jar</packaging>\n"
            + "</project>\n";
    MavenRepository.builder(storage)
        .signer(signer)
        .clock(clock)
        .build()
        .deploy(
            Deployment.of(
                NAME + "-" + VERSION + ".pom",
                ContentSource.ofUtf8(pom),
                List.of(
                    new ArtifactFile(
                        "", "jar", ContentSource.ofBytes(jar()), NAME + "-" + VERSION + ".jar"))));
  }

  /** A jar with a manifest and one resource, byte-identical on every run (fixed entry times). */
  static byte[] jar() throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().putValue("Automatic-Module-Name", GROUP);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JarOutputStream jar = new JarOutputStream(bytes)) {
      JarEntry manifestEntry = new JarEntry(JarFile.MANIFEST_NAME);
      manifestEntry.setTime(FIXED_TIME);
      jar.putNextEntry(manifestEntry);
      manifest.write(jar);
      jar.closeEntry();
      JarEntry entry = new JarEntry("io/pinrepo/demo/hello.txt");
      entry.setTime(FIXED_TIME);
      jar.putNextEntry(entry);
      jar.write("hello from pinrepo\n".getBytes(StandardCharsets.UTF_8));
      jar.closeEntry();
    }
    return bytes.toByteArray();
  }

  static void printSnippets(PrintWriter out, Path root, URI base) {
    String url = base.toString();
    out.println();
    out.println("apt (Debian/Ubuntu):");
    out.println(
        "  echo 'deb [signed-by="
            + root.resolve(NAME + ".gpg")
            + "] "
            + url
            + " stable main' | sudo tee /etc/apt/sources.list.d/"
            + NAME
            + ".list");
    out.println("  sudo apt-get update && sudo apt-get install " + NAME);
    out.println();
    out.println("pip:");
    out.println("  pip install --index-url " + url + "simple/ " + NAME);
    out.println();
    out.println("Maven (pom.xml):");
    out.println("  <repositories>");
    out.println("    <repository>");
    out.println("      <id>pinrepo-demo</id>");
    out.println("      <url>" + url + "</url>");
    out.println("    </repository>");
    out.println("  </repositories>");
    out.println("  <dependencies>");
    out.println("    <dependency>");
    out.println("      <groupId>" + GROUP + "</groupId>");
    out.println("      <artifactId>" + NAME + "</artifactId>");
    out.println("      <version>" + VERSION + "</version>");
    out.println("    </dependency>");
    out.println("  </dependencies>");
    out.println();
    DemoRpm.printRepoFile(out, base, root.resolve(NAME + ".asc"));
    out.println(
        "The signing key: "
            + root.resolve(NAME + ".asc")
            + " (also served at "
            + url
            + NAME
            + ".asc)");
    out.println();
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}

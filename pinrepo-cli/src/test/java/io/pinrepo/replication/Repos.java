package io.pinrepo.replication;

import io.pinrepo.cli.MavenFiles;
import io.pinrepo.debian.AptRepository;
import io.pinrepo.fixtures.deb.DebBuilder;
import io.pinrepo.fixtures.python.WheelBuilder;
import io.pinrepo.format.LiveObject;
import io.pinrepo.format.Problem;
import io.pinrepo.format.RepositoryFormat;
import io.pinrepo.format.RepositoryFormats;
import io.pinrepo.format.VerifyContext;
import io.pinrepo.maven.ArtifactFile;
import io.pinrepo.maven.Deployment;
import io.pinrepo.maven.MavenRepository;
import io.pinrepo.pypi.PypiRepository;
import io.pinrepo.sign.PgpKeyGenerator;
import io.pinrepo.sign.PgpSigner;
import io.pinrepo.sign.SignatureChecker;
import io.pinrepo.sign.Signer;
import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectListing;
import io.pinrepo.spi.ObjectStream;
import io.pinrepo.spi.Storage;
import io.pinrepo.verify.Verification;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Repositories of every format for replication tests: a signed APT repository, a Maven repository
 * and a simple repository sharing one storage, grown a package at a time, and what tests check of a
 * replica.
 */
final class Repos {
  static final List<RepositoryFormat> FORMATS = RepositoryFormats.installed();

  private final Path work;
  private final Signer signer;
  private final PgpKeyGenerator.GeneratedKey key;

  private Repos(Path work, PgpKeyGenerator.GeneratedKey key) throws IOException {
    this.work = work;
    this.key = key;
    this.signer =
        PgpSigner.load(
            new ByteArrayInputStream(key.armoredSecretKey().getBytes(StandardCharsets.UTF_8)),
            "test key",
            new char[0],
            Clock.systemUTC());
  }

  /** Fixtures written under {@code work}, signed with a new key. */
  static Repos in(Path work) throws IOException {
    Files.createDirectories(work);
    return new Repos(
        work, PgpKeyGenerator.generate("Replica <replica@example.invalid>", Clock.systemUTC()));
  }

  /** The binary public key, for apt's {@code signed-by}. */
  Path keyring() throws IOException {
    Path keyring = work.resolve("keyring.gpg");
    if (!Files.exists(keyring)) {
      Files.write(keyring, key.binaryPublicKey());
    }
    return keyring;
  }

  /** The armored public key. */
  String publicKey() {
    return key.armoredPublicKey();
  }

  /** Checks signatures against the key that signs. */
  SignatureChecker checker() throws IOException {
    return SignatureChecker.load(
        new ByteArrayInputStream(key.armoredPublicKey().getBytes(StandardCharsets.UTF_8)), "key");
  }

  AptRepository apt(Storage storage) {
    return AptRepository.builder(storage).signer(signer).build();
  }

  /** Publishes a small .deb into {@code dist}/main. */
  void deb(Storage storage, String dist, String name, String version) throws IOException {
    Path deb =
        DebBuilder.of(name, version, "amd64")
            .file("usr/share/doc/" + name + "/v", version.getBytes(StandardCharsets.UTF_8))
            .writeTo(Files.createDirectories(work.resolve("debs-" + name + "-" + version)));
    apt(storage).publish(dist, "main", List.of(deb));
  }

  /** Deploys a POM and a jar. */
  void jar(Storage storage, String group, String artifact, String version) throws IOException {
    String pom =
        "<project><modelVersion>4.0.0</modelVersion><groupId>"
            + group
            + "</groupId><artifactId>"
            + artifact
            + "</artifactId><version>"
            + version
            + "</version></project>";
    MavenRepository.builder(storage)
        .signer(signer)
        .build()
        .deploy(
            Deployment.of(
                artifact + "-" + version + ".pom",
                ContentSource.ofUtf8(pom),
                List.of(
                    new ArtifactFile(
                        "",
                        "jar",
                        ContentSource.ofBytes(MavenFiles.jarSaying(artifact + version)),
                        artifact + "-" + version + ".jar"))));
  }

  /** Publishes a wheel. */
  void wheel(Storage storage, String project, String version) throws IOException {
    Path whl =
        WheelBuilder.of(project, version)
            .writeTo(Files.createDirectories(work.resolve("wheels-" + project + "-" + version)));
    PypiRepository.on(storage).publish(whl);
  }

  /** One package of each format: a small repository every test can start from. */
  void everyFormat(Storage storage, int version) throws IOException {
    deb(storage, "stable", "hello", "1." + version);
    jar(storage, "com.example", "demo", "1." + version);
    wheel(storage, "demo-lib", "1." + version);
  }

  // ---- checks --------------------------------------------------------------------------------

  /** Every problem verify finds, strictly or letting derived files lag. */
  static List<Problem> problems(Storage storage, boolean lag) throws IOException {
    VerifyContext context = lag ? VerifyContext.unsigned().allowingLag() : VerifyContext.unsigned();
    return new Verification(FORMATS).run(storage, context).problems();
  }

  /** As {@link #problems(Storage, boolean)}, with signatures checked. */
  List<Problem> signedProblems(Storage storage, boolean lag) throws IOException {
    VerifyContext context = new VerifyContext(Optional.of(checker()), lag);
    return new Verification(FORMATS).run(storage, context).problems();
  }

  /** The live objects of every format present, by key. */
  static Map<ObjectKey, LiveObject> live(Storage storage) throws IOException {
    Map<ObjectKey, LiveObject> live = new TreeMap<>();
    for (RepositoryFormat format : FORMATS) {
      if (format.isPresent(storage)) {
        format.markLive(storage, o -> live.putIfAbsent(o.key(), o));
      }
    }
    return live;
  }

  /**
   * The content of every live object present in {@code storage}, by key: what a replica must hold
   * byte for byte.
   */
  static Map<String, String> liveContent(Storage storage) throws IOException {
    Map<String, String> content = new TreeMap<>();
    for (ObjectKey key : live(storage).keySet()) {
      Optional<byte[]> bytes = bytes(storage, key);
      bytes.ifPresent(b -> content.put(key.value(), io.pinrepo.hash.Digests.of(b).sha256()));
    }
    return content;
  }

  /** Every object of {@code storage} with its SHA-256, for before/after comparisons. */
  static Map<String, String> snapshot(Storage storage) throws IOException {
    Map<String, String> all = new TreeMap<>();
    try (ObjectListing listing = storage.list("")) {
      while (listing.hasNext()) {
        ObjectInfo info = listing.next();
        all.put(
            info.key().value(),
            io.pinrepo.hash.Digests.of(bytes(storage, info.key()).orElseThrow()).sha256());
      }
    }
    return all;
  }

  static Optional<byte[]> bytes(Storage storage, ObjectKey key) throws IOException {
    if ((key.isDirectory() && !io.pinrepo.spi.DirectoryKeys.supported(storage))
        || storage.stat(key).isEmpty()) {
      return Optional.empty();
    }
    try (ObjectStream in = storage.read(key)) {
      return Optional.of(in.readAllBytes());
    } catch (io.pinrepo.spi.ObjectNotFoundException e) {
      return Optional.empty();
    }
  }

  /** A new in-memory storage holding what {@code original} holds. */
  static io.pinrepo.testkit.memory.InMemoryStorage copyOf(
      io.pinrepo.testkit.memory.InMemoryStorage original) throws IOException {
    io.pinrepo.testkit.memory.InMemoryStorage copy =
        new io.pinrepo.testkit.memory.InMemoryStorage();
    for (Map.Entry<String, byte[]> e : original.snapshot().entrySet()) {
      copy.write(
          ObjectKey.of(e.getKey()),
          ContentSource.ofBytes(e.getValue()),
          io.pinrepo.spi.WriteCondition.none());
    }
    return copy;
  }

  /** The keys present in {@code storage}. */
  static Set<String> keys(Storage storage) throws IOException {
    return new TreeSet<>(snapshot(storage).keySet());
  }
}

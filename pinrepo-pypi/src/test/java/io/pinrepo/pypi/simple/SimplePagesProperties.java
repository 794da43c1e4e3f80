package io.pinrepo.pypi.simple;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pinrepo.pypi.metadata.ProjectName;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** The pages round-trip through their JSON form and do not depend on the order of their inputs. */
class SimplePagesProperties {

  private static final ProjectName NAME = ProjectName.of("demo");

  @Property(tries = 200)
  void jsonPageReadsBackToTheSameState(@ForAll("fileLists") List<ProjectFile> files)
      throws Exception {
    ProjectPage page = new ProjectPage(NAME, files);
    assertEquals(page, SimpleJson.parse(SimpleJson.render(page)));
  }

  @Property(tries = 100)
  void pagesAreTheSameBytesWhateverTheOrderOfFiles(
      @ForAll("fileLists") List<ProjectFile> files, @ForAll Random random) {
    List<ProjectFile> shuffled = new ArrayList<>(files);
    Collections.shuffle(shuffled, random);
    ProjectPage a = new ProjectPage(NAME, files);
    ProjectPage b = new ProjectPage(NAME, shuffled);
    assertArrayEquals(SimpleJson.render(a), SimpleJson.render(b));
    assertArrayEquals(SimpleHtml.render(a), SimpleHtml.render(b));
  }

  @Property(tries = 100)
  void rootIndexReadsBackAndIgnoresOrder(
      @ForAll @Size(max = 20) List<@From("names") String> names, @ForAll Random random) {
    List<ProjectName> projects = new ArrayList<>(names.stream().map(ProjectName::of).toList());
    RootIndex root = new RootIndex(projects);
    Collections.shuffle(projects, random);
    assertArrayEquals(root.render(), new RootIndex(projects).render());
    assertEquals(root, RootIndex.parse(root.render()));
  }

  @Provide
  Arbitrary<String> names() {
    return Arbitraries.strings()
        .withChars("abcXYZ019._-")
        .ofMinLength(1)
        .ofMaxLength(10)
        .filter(ProjectName::isValid);
  }

  @Provide
  Arbitrary<List<ProjectFile>> fileLists() {
    return files().list().ofMaxSize(12).uniqueElements(ProjectFile::fileName);
  }

  Arbitrary<ProjectFile> files() {
    Arbitrary<String> fileName =
        Combinators.combine(
                Arbitraries.of(
                    "1.0", "1.0.1", "2.0rc1", "1!0.5", "1.0.post1", "0.9.dev3", "1.0+local.7"),
                Arbitraries.of(
                    "-py3-none-any.whl",
                    "-cp312-cp312-manylinux_2_17_x86_64.whl",
                    ".tar.gz",
                    ".zip"))
            .as((v, suffix) -> "demo-" + v + suffix);
    Arbitrary<String> sha = Arbitraries.strings().withChars("0123456789abcdef").ofLength(64);
    Arbitrary<Optional<String>> text =
        Arbitraries.oneOf(
            Arbitraries.just(Optional.<String>empty()),
            Arbitraries.of("", ">=3.8", "<4,>=2.7", "broken \"x\" & <y> ' ü").map(Optional::of));
    Arbitrary<Optional<String>> metaSha =
        Arbitraries.oneOf(Arbitraries.just(Optional.<String>empty()), sha.map(Optional::of));
    return Combinators.combine(
            fileName,
            sha,
            Arbitraries.longs().between(0, 1L << 40),
            Arbitraries.longs()
                .between(0, 4_000_000_000L)
                .map(s -> Instant.ofEpochSecond(s, 123_000)),
            text,
            metaSha,
            text)
        .as(ProjectFile::new);
  }
}

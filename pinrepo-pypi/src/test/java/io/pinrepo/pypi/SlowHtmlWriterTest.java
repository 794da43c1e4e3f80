package io.pinrepo.pypi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.commit.Settlement;
import io.pinrepo.fixtures.python.WheelBuilder;
import io.pinrepo.format.ChangeReport;
import io.pinrepo.pypi.metadata.ProjectName;
import io.pinrepo.pypi.simple.SimpleHtml;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.Storage;
import io.pinrepo.testkit.faults.DiesAfterWrite;
import io.pinrepo.testkit.memory.InMemoryStorage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A publisher that commits, then writes a derived page late (after a newer publisher has written
 * and checked its own) and dies right after that write, must not leave the page without the newer
 * publisher's change: the newer publisher reported success. The same holds for the project's HTML
 * page and for the root's JSON twin; a publisher that is overtaken but lives reports that its
 * derived page was superseded.
 */
class SlowHtmlWriterTest {
  private static final ObjectKey HTML = ObjectKey.of("simple/demo/index.html");

  @TempDir Path dir;

  @Test
  void aLateHtmlWriteThatDiesNeverHidesANewerReportedPublish() throws Exception {
    InMemoryStorage memory = new InMemoryStorage(PypiRepositoryTest.CLOCK, 100);
    PypiRepository fast = PypiRepository.builder(memory).clock(PypiRepositoryTest.CLOCK).build();
    fast.publish(WheelBuilder.of("demo", "1.0").writeTo(dir));
    Path slowWheel = WheelBuilder.of("demo", "1.1").writeTo(dir.resolve("slow"));
    Path fastWheel = WheelBuilder.of("demo", "1.2").writeTo(dir.resolve("fast"));

    // The slow publisher commits, then at its HTML write the fast one publishes from start to
    // end; then the slow one's late write goes through and it dies.
    Storage slowStorage = new DiesAfterWrite(memory, HTML, () -> fast.publish(fastWheel));
    PypiRepository slow =
        PypiRepository.builder(slowStorage).clock(PypiRepositoryTest.CLOCK).build();
    assertThrows(IOException.class, () -> slow.publish(slowWheel));

    String html = new String(memory.peek(HTML).orElseThrow(), StandardCharsets.UTF_8);
    assertTrue(html.contains("demo-1.2-"), "the reported publish of 1.2 is hidden:\n" + html);
    assertEquals(
        3, fast.read(ProjectName.of("demo")).orElseThrow().versions().size(), "the JSON state");
  }

  @Test
  void aLateRootTwinWriteThatDiesNeverHidesANewerProject() throws Exception {
    InMemoryStorage memory = new InMemoryStorage(PypiRepositoryTest.CLOCK, 100);
    PypiRepository fast = PypiRepository.builder(memory).clock(PypiRepositoryTest.CLOCK).build();
    fast.publish(WheelBuilder.of("demo", "1.0").writeTo(dir));
    Path slowWheel = WheelBuilder.of("slow", "1.0").writeTo(dir.resolve("slow"));
    Path fastWheel = WheelBuilder.of("fast", "1.0").writeTo(dir.resolve("fast"));

    Storage slowStorage =
        new DiesAfterWrite(memory, SimpleLayout.ROOT_JSON, () -> fast.publish(fastWheel));
    PypiRepository slow =
        PypiRepository.builder(slowStorage).clock(PypiRepositoryTest.CLOCK).build();
    assertThrows(IOException.class, () -> slow.publish(slowWheel));

    String twin =
        new String(memory.peek(SimpleLayout.ROOT_JSON).orElseThrow(), StandardCharsets.UTF_8);
    assertTrue(twin.contains("\"fast\""), "the reported publish of fast is hidden:\n" + twin);
    assertEquals(
        List.of(ProjectName.of("demo"), ProjectName.of("fast"), ProjectName.of("slow")),
        fast.projects());
  }

  @Test
  void aPublisherOvertakenAfterItsCommitReportsItsPageSuperseded() throws Exception {
    InMemoryStorage memory = new InMemoryStorage(PypiRepositoryTest.CLOCK, 100);
    PypiRepository fast = PypiRepository.builder(memory).clock(PypiRepositoryTest.CLOCK).build();
    fast.publish(WheelBuilder.of("demo", "1.0").writeTo(dir));
    Path slowWheel = WheelBuilder.of("demo", "1.1").writeTo(dir.resolve("slow"));
    Path fastWheel = WheelBuilder.of("demo", "1.2").writeTo(dir.resolve("fast"));

    PypiRepository slow =
        PypiRepository.builder(new OvertakenAtWrite(memory, HTML, () -> fast.publish(fastWheel)))
            .clock(PypiRepositoryTest.CLOCK)
            .build();
    ChangeReport<DistributionRef> report = slow.publish(slowWheel);

    assertEquals(Settlement.SUPERSEDED, report.derived());
    assertTrue(report.committed());
    assertEquals(
        List.of("demo-1.1-py3-none-any.whl"),
        report.added().stream().map(DistributionRef::fileName).toList());
    assertArrayEquals(
        SimpleHtml.render(fast.read(ProjectName.of("demo")).orElseThrow()),
        memory.peek(HTML).orElseThrow());
  }
}

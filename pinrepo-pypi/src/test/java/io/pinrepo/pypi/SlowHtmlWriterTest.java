package io.pinrepo.pypi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.fixtures.python.WheelBuilder;
import io.pinrepo.pypi.metadata.ProjectName;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.Storage;
import io.pinrepo.testkit.faults.DiesAfterWrite;
import io.pinrepo.testkit.memory.InMemoryStorage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A publisher that commits, then writes its HTML page late (after a newer publisher has written and
 * checked its own) and dies right after that write, must not leave the page without the newer
 * publisher's file: the newer publisher reported success.
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
}

package io.pinrepo.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** Work on other threads: results in order, and failures thrown as the work threw them. */
class ParallelTest {

  @Test
  void resultsComeInTheOrderOfTheItems() throws IOException {
    ExecutorService pool = Executors.newFixedThreadPool(4, Parallel.daemonThreads("test"));
    try {
      assertEquals(
          List.of(1, 4, 9, 16, 25), Parallel.map(pool, List.of(1, 2, 3, 4, 5), i -> i * i));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aTasksIOExceptionIsThrownAsItWas() {
    ExecutorService pool = Executors.newFixedThreadPool(2, Parallel.daemonThreads("test"));
    try {
      FileNotFoundException thrown = new FileNotFoundException("x.deb");
      assertSame(
          thrown,
          assertThrows(
              FileNotFoundException.class,
              () ->
                  Parallel.forEach(
                      pool,
                      List.of(1, 2, 3),
                      i -> {
                        if (i == 2) {
                          throw thrown;
                        }
                      })));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aFailureIsUnwrappedToWhatTheWorkThrew() {
    IOException io = new FileNotFoundException("key.asc");
    assertSame(
        io,
        Parallel.failure(new CompletionException(new ExecutionException(io)), "loading the key"));
    IllegalStateException runtime = new IllegalStateException("bad state");
    assertSame(
        runtime,
        assertThrows(
            IllegalStateException.class,
            () -> Parallel.failure(new CompletionException(runtime), "work")));
    Exception checked = new Exception("odd");
    IOException wrapped = Parallel.failure(checked, "copy of pool/a.deb");
    assertEquals("copy of pool/a.deb failed", wrapped.getMessage());
    assertSame(checked, wrapped.getCause());
  }
}

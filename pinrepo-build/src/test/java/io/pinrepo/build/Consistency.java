package io.pinrepo.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pinrepo.format.Problem;
import io.pinrepo.format.VerifyContext;
import io.pinrepo.spi.Storage;
import io.pinrepo.verify.Verification;
import java.io.IOException;
import java.util.List;

/** The check every fault and race test ends with: verify finds nothing wrong. */
final class Consistency {
  private Consistency() {}

  /** Problems verify reports for the builds and pointers in {@code storage}. */
  static List<Problem> problems(Storage storage) throws IOException {
    return new Verification(List.of(new BuildFormat()))
        .run(storage, VerifyContext.unsigned())
        .problems();
  }

  /** Fails with the problems when verify finds any. */
  static void assertConsistent(Storage storage, String when) throws IOException {
    assertEquals(List.of(), problems(storage), when);
  }
}

package io.pinrepo.verify;

import io.pinrepo.format.Problem;
import io.pinrepo.format.RepositoryFormat;
import io.pinrepo.format.VerifyContext;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Runs every present format's checks over one storage and collects the problems. */
public final class Verification {

  private final List<RepositoryFormat> formats;

  /** Checks with these formats, each only where {@link RepositoryFormat#isPresent} says so. */
  public Verification(List<RepositoryFormat> formats) {
    this.formats = List.copyOf(formats);
  }

  /** The outcome of one run: which formats were found and what is wrong. */
  public record Report(List<String> formatsFound, List<Problem> problems) {
    /** Copies the lists. */
    public Report {
      formatsFound = List.copyOf(formatsFound);
      problems = List.copyOf(problems);
    }

    /** Whether nothing is wrong. */
    public boolean clean() {
      return problems.isEmpty();
    }
  }

  /** Checks {@code storage}. */
  public Report run(Storage storage, VerifyContext context) throws IOException {
    Objects.requireNonNull(storage, "storage");
    List<String> found = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (RepositoryFormat format : formats) {
      if (format.isPresent(storage)) {
        found.add(format.name());
        format.verify(storage, context, problems::add);
      }
    }
    return new Report(found, problems);
  }
}

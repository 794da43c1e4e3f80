package io.pinrepo.testkit.contract;

import io.pinrepo.spi.PresignedUrls;
import io.pinrepo.spi.Storage;
import io.pinrepo.spi.UnsupportedConditionException;
import io.pinrepo.spi.WriteCondition;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.Nested;

/**
 * The promises of {@link Storage}, as a JUnit 5 suite that a backend's test extends in a few lines:
 *
 * <pre>{@code
 * class FileSystemStorageContractTest extends StorageContract {
 *   @TempDir Path dir;
 *
 *   @Override
 *   protected Storage newStorage() throws IOException {
 *     return FileSystemStorage.open(dir);
 *   }
 * }
 * }</pre>
 *
 * <p>Each test gets a fresh, empty storage from {@link #newStorage()} and closes it afterwards.
 * What a backend may lack is declared through the capability hooks ({@link
 * #supportsConditionalWrites()}, {@link #supportsPresign()}, {@link #supportsDirectoryKeys()});
 * tests of a missing capability are skipped, except that a backend without conditional writes must
 * refuse them with {@link UnsupportedConditionException}. Optional powers are recognised with
 * {@code instanceof}.
 *
 * <p>The tests are grouped by {@code @Nested} classes whose display names name the backend's test
 * class and read as sentences ("FileSystemStorageContractTest > conditional writes and deletes"),
 * so that two backends' reports of one group tell which backend they are about; each group's checks
 * live in a package-private class of this package. With Maven, surefire 3's phrased report names
 * ({@code usePhrasedFileName} and friends) keep each backend's reports in files of their own. A
 * backend test may add its own {@code @AfterEach} checks (the in-memory storage's test, for
 * instance, asserts that the suite left no stream open).
 */
@DisplayNameGeneration(GroupNames.class)
public abstract class StorageContract {

  private Storage storage;

  /** A new, empty storage for one test; the suite closes it after the test. */
  protected abstract Storage newStorage() throws IOException;

  /** Whether the storage checks {@link WriteCondition}s atomically; true by default. */
  protected boolean supportsConditionalWrites() {
    return true;
  }

  /**
   * Whether the storage checks conditions on deletes too (s3proxy, for one, refuses them with
   * {@link UnsupportedConditionException}); true by default.
   */
  protected boolean supportsConditionalDeletes() {
    return true;
  }

  /**
   * Whether the storage is a {@link PresignedUrls} whose URLs this JVM can fetch; false by default.
   */
  protected boolean supportsPresign() {
    return false;
  }

  /**
   * Whether the storage holds directory keys ({@code a/b/}, see {@link
   * io.pinrepo.spi.DirectoryKeys}); false by default, and then it must refuse them.
   */
  protected boolean supportsDirectoryKeys() {
    return false;
  }

  /**
   * How many objects the storage returns in one listing page, so that the listing tests write
   * several pages' worth; keep it small (configure the backend so) to keep the suite fast.
   */
  protected int listingPageSize() {
    return 10;
  }

  /** How many threads race in the concurrent-writer tests; 8 by default. */
  protected int concurrentWriters() {
    return 8;
  }

  /** The storage under test in the current test. */
  protected final Storage storage() {
    return storage;
  }

  @BeforeEach
  void createStorage() throws IOException {
    storage = newStorage();
  }

  @AfterEach
  void closeStorage() throws IOException {
    if (storage != null) { // null when newStorage() was skipped by an assumption
      storage.close();
    }
  }

  @Nested
  @Group("writing and reading whole objects")
  class RoundTrips extends RoundTripChecks {
    RoundTrips() {
      super(StorageContract.this);
    }
  }

  @Nested
  @Group("reading ranges")
  class Ranges extends RangeChecks {
    Ranges() {
      super(StorageContract.this);
    }
  }

  @Nested
  @Group("missing objects")
  class Missing extends MissingObjectChecks {
    Missing() {
      super(StorageContract.this);
    }
  }

  @Nested
  @Group("version tokens")
  class Versions extends VersionTokenChecks {
    Versions() {
      super(StorageContract.this);
    }
  }

  @Nested
  @Group("conditional writes and deletes")
  class Conditions extends ConditionChecks {
    Conditions() {
      super(StorageContract.this);
    }
  }

  @Nested
  @Group("a backend without conditional writes")
  class WithoutConditions extends NoConditionChecks {
    WithoutConditions() {
      super(StorageContract.this);
    }
  }

  @Nested
  @Group("concurrent conditional writers")
  class Races extends RaceChecks {
    Races() {
      super(StorageContract.this);
    }
  }

  @Nested
  @Group("failed writes")
  class FailedWrites extends FailedWriteChecks {
    FailedWrites() {
      super(StorageContract.this);
    }
  }

  @Nested
  @Group("listing")
  class Listing extends ListingChecks {
    Listing() {
      super(StorageContract.this);
    }
  }

  @Nested
  @Group("object keys")
  class Keys extends KeyChecks {
    Keys() {
      super(StorageContract.this);
    }
  }

  @Nested
  @Group("directory keys")
  class Directories extends DirectoryKeyChecks {
    Directories() {
      super(StorageContract.this);
    }
  }

  @Nested
  @Group("server-side copy")
  class Copy extends CopyChecks {
    Copy() {
      super(StorageContract.this);
    }
  }

  @Nested
  @Group("presigned URLs")
  class Presign extends PresignChecks {
    Presign() {
      super(StorageContract.this);
    }
  }
}

package io.pinrepo.fs;

import io.pinrepo.spi.Storage;
import io.pinrepo.testkit.contract.StorageContract;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The storage contract on {@link FileSystemStorage}. */
class FileSystemStorageContractTest extends StorageContract {

  @TempDir Path dir;

  @Override
  protected Storage newStorage() throws IOException {
    return FileSystemStorage.open(dir.resolve("repo"));
  }
}

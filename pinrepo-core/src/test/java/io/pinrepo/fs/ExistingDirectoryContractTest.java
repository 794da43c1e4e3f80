package io.pinrepo.fs;

import io.pinrepo.spi.Storage;
import io.pinrepo.testkit.contract.StorageContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * The storage contract on {@link FileSystemStorage#openExisting}, whose lock and staging directory
 * are made by the first write.
 */
class ExistingDirectoryContractTest extends StorageContract {

  @TempDir Path dir;

  @Override
  protected Storage newStorage() throws IOException {
    return FileSystemStorage.openExisting(Files.createDirectories(dir.resolve("repo")));
  }
}

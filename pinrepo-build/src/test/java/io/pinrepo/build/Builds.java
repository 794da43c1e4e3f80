package io.pinrepo.build;

import io.pinrepo.build.manifest.BuildName;
import io.pinrepo.build.manifest.BuildVersion;
import io.pinrepo.build.manifest.NewBuild;
import io.pinrepo.spi.ContentSource;
import java.nio.charset.StandardCharsets;

/** Small builds for tests: files whose content is given as text. */
final class Builds {
  private Builds() {}

  static final BuildName WEB = BuildName.of("web");

  /** A build of {@code web} at {@code version} with files given as path, content, path, ... */
  static NewBuild web(String version, String... pathsAndContents) {
    NewBuild.Builder b = NewBuild.builder(WEB, BuildVersion.of(version));
    for (int i = 0; i < pathsAndContents.length; i += 2) {
      b.file(pathsAndContents[i], text(pathsAndContents[i + 1]));
    }
    return b.build();
  }

  /** The usual two-file build of {@code version}, its content depending on the version. */
  static NewBuild web(String version) {
    return web(version, "app.tar.gz", "app " + version, "conf/app.yaml", "port: 80 # " + version);
  }

  static ContentSource text(String content) {
    return ContentSource.ofBytes(content.getBytes(StandardCharsets.UTF_8));
  }
}

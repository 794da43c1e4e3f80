package io.pinrepo.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pinrepo.build.manifest.BuildName;
import io.pinrepo.build.manifest.BuildPath;
import io.pinrepo.build.manifest.BuildVersion;
import io.pinrepo.build.pointer.PointerName;
import io.pinrepo.spi.ObjectKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BuildLayoutTest {
  private static final BuildName WEB = BuildName.of("web");
  private static final PointerName PROD = PointerName.of("prod");
  private static final BuildVersion V = BuildVersion.of("1.4.2");

  @Test
  void everyKeyParsesBackToWhatItNames() {
    Instant t = Instant.parse("2025-01-02T03:04:05.678Z");
    assertEquals(
        Optional.of(new BuildLayout.MarkerKey(WEB, t, V)),
        BuildLayout.parse(BuildLayout.marker(WEB, t, V)));
    assertEquals(
        Optional.of(new BuildLayout.PointerKey(WEB, PROD)),
        BuildLayout.parse(BuildLayout.pointer(WEB, PROD)));
    assertEquals(
        Optional.of(new BuildLayout.HistoryKey(WEB, PROD, 7)),
        BuildLayout.parse(BuildLayout.historyEntry(WEB, PROD, 7)));
    assertEquals(
        Optional.of(new BuildLayout.ManifestKey(WEB, V)),
        BuildLayout.parse(BuildLayout.manifest(WEB, V)));
    BuildPath path = BuildPath.of("bin/server");
    assertEquals(
        Optional.of(new BuildLayout.FileKey(WEB, V, path)),
        BuildLayout.parse(BuildLayout.file(WEB, V, path)));
  }

  @Test
  void keysOutsideTheLayoutParseToNothing() {
    for (String key :
        List.of(
            "simple/index.html",
            "builds/web",
            "builds/Web/versions/1/manifest.json",
            "builds/web/newest/123-1",
            "builds/web/pointers/prod/other.json",
            "builds/web/versions/1/other")) {
      assertEquals(Optional.empty(), BuildLayout.parse(ObjectKey.of(key)), key);
    }
  }

  @Test
  void markersListNewestFirstAndHistoryEntriesLatestFirst() {
    List<String> markers = new ArrayList<>();
    List<String> entries = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      markers.add(BuildLayout.marker(WEB, Instant.ofEpochMilli(1_000L * i), V).value());
      entries.add(BuildLayout.historyEntry(WEB, PROD, i + 1).value());
    }
    List<String> sorted = new ArrayList<>(markers);
    sorted.sort(null);
    Collections.reverse(markers);
    assertEquals(markers, sorted);
    List<String> sortedEntries = new ArrayList<>(entries);
    sortedEntries.sort(null);
    Collections.reverse(entries);
    assertEquals(entries, sortedEntries);
  }
}

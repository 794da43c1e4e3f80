package io.pinrepo.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.build.fetch.BuildFetcher;
import io.pinrepo.build.fetch.FetchResult;
import io.pinrepo.build.format.BuildFormat;
import io.pinrepo.build.format.BuildRetention;
import io.pinrepo.build.format.HistoryRoots;
import io.pinrepo.build.pointer.PointerChange;
import io.pinrepo.build.pointer.PointerSetResult;
import io.pinrepo.build.pointer.PointerState;
import io.pinrepo.build.pointer.PointerUpdate;
import io.pinrepo.build.pointer.PointerWatcher;
import io.pinrepo.build.pointer.Pointers;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/** No vendor type (Jackson, Guava, AWS) appears in the public API; no package cycle. */
class PublicApiTest {

  private static final List<Class<?>> PUBLIC_TYPES =
      List.of(
          BuildRepository.class,
          BuildLayout.class,
          BuildName.class,
          BuildVersion.class,
          BuildPath.class,
          BuildMetadata.class,
          BuildFile.class,
          NewBuild.class,
          NewBuild.Builder.class,
          Manifest.class,
          FileEntry.class,
          StoredManifest.class,
          PublishResult.class,
          BuildPage.class,
          BuildSummary.class,
          PointerName.class,
          Pointers.class,
          PointerState.class,
          PointerChange.class,
          PointerUpdate.class,
          PointerSetResult.class,
          PointerWatcher.class,
          PointerWatcher.Builder.class,
          BuildFetcher.class,
          FetchResult.class,
          BuildFormat.class,
          BuildRetention.class,
          HistoryRoots.class);

  private static final List<String> VENDORS =
      List.of("com.fasterxml.", "org.apache.commons.", "com.google.", "software.amazon.");

  @Test
  void publicSignaturesUseNoVendorTypes() {
    List<String> leaks = new ArrayList<>();
    for (Class<?> type : PUBLIC_TYPES) {
      List<Executable> members = new ArrayList<>(List.of(type.getDeclaredMethods()));
      members.addAll(List.of(type.getDeclaredConstructors()));
      for (Executable m : members) {
        if (!Modifier.isPublic(m.getModifiers())) {
          continue;
        }
        List<Type> types = new ArrayList<>(List.of(m.getGenericParameterTypes()));
        types.addAll(List.of(m.getGenericExceptionTypes()));
        if (m instanceof Method method) {
          types.add(method.getGenericReturnType());
        }
        for (Type t : types) {
          if (VENDORS.stream().anyMatch(v -> t.getTypeName().contains(v))) {
            leaks.add(type.getSimpleName() + "." + m.getName() + ": " + t.getTypeName());
          }
        }
      }
    }
    assertEquals(List.of(), leaks);
  }

  @Test
  void packagesDependOnEachOtherWithoutCycles() {
    StringWriter out = new StringWriter();
    int status =
        ToolProvider.findFirst("jdeps")
            .orElseThrow()
            .run(
                new PrintWriter(out),
                new PrintWriter(new StringWriter()),
                "-verbose:package",
                "-filter:none",
                Path.of("target/classes").toString());
    assertEquals(0, status, out.toString());
    Map<String, Set<String>> edges = new TreeMap<>();
    for (String line : out.toString().split("\n")) {
      String[] parts = line.trim().split("\\s+");
      if (parts.length >= 3
          && parts[1].equals("->")
          && parts[0].startsWith("io.pinrepo.build")
          && parts[2].startsWith("io.pinrepo.build")
          && !parts[0].equals(parts[2])) {
        edges.computeIfAbsent(parts[0], k -> new TreeSet<>()).add(parts[2]);
      }
    }
    assertTrue(edges.containsKey("io.pinrepo.build.pointer"), edges.toString());
    for (String from : edges.keySet()) {
      assertEquals(false, reaches(edges, from, from, new HashSet<>()), "cycle through " + from);
    }
    assertEquals(Set.of(), edges.getOrDefault("io.pinrepo.build.internal", Set.of()));
  }

  private static boolean reaches(
      Map<String, Set<String>> edges, String from, String target, Set<String> seen) {
    for (String next : edges.getOrDefault(from, Set.of())) {
      if (next.equals(target) || (seen.add(next) && reaches(edges, next, target, seen))) {
        return true;
      }
    }
    return false;
  }
}

package io.pinrepo.testkit.structure;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;

/**
 * The dependencies between the packages of one module's compiled classes, as the JDK's {@code
 * jdeps} reports them, and the cycles among them. A test asserts {@code
 * PackageGraph.of(Path.of("target/classes")).cycles()} is empty, so a package cycle fails the
 * build.
 */
public final class PackageGraph {

  private final SortedMap<String, SortedSet<String>> edges;

  private PackageGraph(SortedMap<String, SortedSet<String>> edges) {
    this.edges = edges;
  }

  /**
   * Runs {@code jdeps -verbose:package} over {@code classes} (a directory or jar) in this JVM.
   *
   * @throws IOException when jdeps is not available or fails
   */
  public static PackageGraph of(Path classes) throws IOException {
    ToolProvider jdeps =
        ToolProvider.findFirst("jdeps")
            .orElseThrow(() -> new IOException("this JDK has no jdeps tool"));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status =
        jdeps.run(
            new PrintWriter(out),
            new PrintWriter(err),
            "-verbose:package",
            "--multi-release",
            "17",
            classes.toString());
    if (status != 0) {
      throw new IOException("jdeps failed on " + classes + ": " + err.toString().strip());
    }
    return parse(out.toString());
  }

  static PackageGraph parse(String jdepsOutput) {
    SortedMap<String, SortedSet<String>> edges = new TreeMap<>();
    List<String[]> pairs = new ArrayList<>();
    for (String line : jdepsOutput.lines().toList()) {
      if (!line.startsWith(" ") || !line.contains("->")) {
        continue;
      }
      String[] sides = line.trim().split("->");
      String from = sides[0].trim();
      String to = sides[1].trim().split("\\s+")[0];
      edges.computeIfAbsent(from, k -> new TreeSet<>());
      pairs.add(new String[] {from, to});
    }
    for (String[] pair : pairs) {
      if (edges.containsKey(pair[1]) && !pair[0].equals(pair[1])) {
        edges.get(pair[0]).add(pair[1]);
      }
    }
    return new PackageGraph(edges);
  }

  /** The module's own packages. */
  public Set<String> packages() {
    return edges.keySet();
  }

  /** The module's packages that {@code pkg} depends on. */
  public Set<String> dependencies(String pkg) {
    return edges.getOrDefault(pkg, new TreeSet<>());
  }

  /** Every set of packages that depend on each other in a cycle, each sorted; empty when none. */
  public List<List<String>> cycles() {
    return new Tarjan().run();
  }

  /** Strongly connected components with more than one package. */
  private final class Tarjan {
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, Integer> low = new HashMap<>();
    private final Deque<String> stack = new ArrayDeque<>();
    private final Set<String> onStack = new TreeSet<>();
    private final List<List<String>> cycles = new ArrayList<>();

    List<List<String>> run() {
      for (String pkg : edges.keySet()) {
        if (!index.containsKey(pkg)) {
          visit(pkg);
        }
      }
      return cycles;
    }

    private void visit(String pkg) {
      index.put(pkg, index.size());
      low.put(pkg, index.get(pkg));
      stack.push(pkg);
      onStack.add(pkg);
      for (String next : dependencies(pkg)) {
        if (!index.containsKey(next)) {
          visit(next);
          low.put(pkg, Math.min(low.get(pkg), low.get(next)));
        } else if (onStack.contains(next)) {
          low.put(pkg, Math.min(low.get(pkg), index.get(next)));
        }
      }
      if (low.get(pkg).equals(index.get(pkg))) {
        List<String> component = new ArrayList<>();
        String member;
        do {
          member = stack.pop();
          onStack.remove(member);
          component.add(member);
        } while (!member.equals(pkg));
        if (component.size() > 1) {
          component.sort(null);
          cycles.add(component);
        }
      }
    }
  }
}

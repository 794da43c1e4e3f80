package io.pinrepo.pypi.simple;

import io.pinrepo.pypi.metadata.ProjectName;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The root page {@code simple/index.html}: every project, sorted, each linking to {@code <name>/}.
 * It changes only when a project appears; reading it back yields the same list.
 *
 * @param projects the projects, sorted and distinct
 */
public record RootIndex(List<ProjectName> projects) {

  private static final Pattern ANCHOR = Pattern.compile("<a href=\"([^\"/]+)/\">");

  /** Sorts and de-duplicates the projects. */
  public RootIndex {
    Objects.requireNonNull(projects, "projects");
    projects = List.copyOf(new TreeSet<>(projects));
  }

  /** This index with {@code name} added. */
  public RootIndex with(ProjectName name) {
    TreeSet<ProjectName> next = new TreeSet<>(projects);
    next.add(name);
    return new RootIndex(List.copyOf(next));
  }

  /** Whether {@code name} is listed. */
  public boolean contains(ProjectName name) {
    return projects.contains(name);
  }

  /** Renders the page as UTF-8 HTML. */
  public byte[] render() {
    StringBuilder sb = new StringBuilder();
    sb.append("<!DOCTYPE html>\n<html>\n  <head>\n");
    sb.append("    <meta name=\"pypi:repository-version\" content=\"")
        .append(SimpleJson.API_VERSION)
        .append("\">\n");
    sb.append("    <title>Simple index</title>\n  </head>\n  <body>\n");
    for (ProjectName p : projects) {
      String n = SimpleHtml.escape(p.value());
      sb.append("    <a href=\"").append(n).append("/\">").append(n).append("</a><br>\n");
    }
    sb.append("  </body>\n</html>\n");
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Renders the PEP 691 JSON twin, {@code
   * {"meta":{"api-version":"1.1"},"projects":[{"name":...}]}}, as UTF-8 ending with a newline.
   */
  public byte[] renderJson() {
    StringBuilder sb = new StringBuilder("{\"meta\":{\"api-version\":\"");
    sb.append(SimpleJson.API_VERSION).append("\"},\"projects\":[");
    for (int i = 0; i < projects.size(); i++) {
      // normalized names need no JSON escaping: [a-z0-9-] only
      sb.append(i == 0 ? "" : ",").append("{\"name\":\"").append(projects.get(i)).append("\"}");
    }
    sb.append("]}\n");
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Reads a page that {@link #render()} wrote; an empty array is an empty index.
   *
   * @throws IllegalArgumentException when a listed name is not a normalized project name
   */
  public static RootIndex parse(byte[] html) {
    Matcher m = ANCHOR.matcher(new String(html, StandardCharsets.UTF_8));
    TreeSet<ProjectName> names = new TreeSet<>();
    while (m.find()) {
      names.add(new ProjectName(m.group(1)));
    }
    return new RootIndex(List.copyOf(names));
  }
}

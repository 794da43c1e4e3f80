package io.pinrepo.testkit.python;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Core metadata text as setuptools writes it: headers, a blank line, the description. */
final class MetadataText {
  String metadataVersion = "2.1";
  String name;
  String version;
  String summary = "a test package";
  String requiresPython;
  String description = "A package built by pinrepo-testkit.\n";
  final List<String[]> extra = new ArrayList<>();

  MetadataText(String name, String version) {
    this.name = name;
    this.version = version;
  }

  byte[] render() {
    StringBuilder sb = new StringBuilder();
    sb.append("Metadata-Version: ").append(metadataVersion).append('\n');
    sb.append("Name: ").append(name).append('\n');
    sb.append("Version: ").append(version).append('\n');
    sb.append("Summary: ").append(summary).append('\n');
    if (requiresPython != null) {
      sb.append("Requires-Python: ").append(requiresPython).append('\n');
    }
    for (String[] field : extra) {
      sb.append(field[0]).append(": ").append(field[1]).append('\n');
    }
    if (!description.isEmpty()) {
      sb.append('\n').append(description);
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The module name pip would import: the project name with separators as underscores. */
  String module() {
    return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[-_.]+", "_");
  }

  /** The distribution part of a file name (PEP 427/625 escaping). */
  String escapedName() {
    return name.replaceAll("[-_.]+", "_");
  }
}

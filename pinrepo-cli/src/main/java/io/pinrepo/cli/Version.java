package io.pinrepo.cli;

import picocli.CommandLine;

/** Reads the version from the jar manifest. */
final class Version implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = Pinrepo.class.getPackage().getImplementationVersion();
    return new String[] {"pinrepo " + (version == null ? "(development build)" : version)};
  }
}

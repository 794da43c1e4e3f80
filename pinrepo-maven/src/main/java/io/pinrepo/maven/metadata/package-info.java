/**
 * {@code maven-metadata.xml} as a value: {@link io.pinrepo.maven.metadata.MavenMetadata} parses and
 * renders the three kinds Maven reads (artifact level with the version list, snapshot version level
 * with the builds, group level with plugin prefixes) and derives the next state from a deploy,
 * purely, with no I/O. Also the repository-wide prefix file {@code .meta/prefixes.txt} ({@link
 * io.pinrepo.maven.metadata.PrefixFile}). Versions are ordered by Maven's own {@code
 * ComparableVersion}.
 */
package io.pinrepo.maven.metadata;

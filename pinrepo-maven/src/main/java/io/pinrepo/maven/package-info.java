/**
 * Maven repositories on any {@link io.pinrepo.spi.Storage}, writing exactly what maven-resolver
 * would, safely under concurrent deploys. Start at {@link io.pinrepo.maven.MavenRepository}:
 * describe a deploy with {@link io.pinrepo.maven.Deployment} and {@link
 * io.pinrepo.maven.ArtifactFile}; a deploy reports {@link io.pinrepo.maven.ArtifactRef} entries;
 * verify the repository and collect its garbage with its {@link io.pinrepo.maven.MavenFormat}.
 *
 * <p>Artifact files are blobs, written before anything refers to them; {@code maven-metadata.xml}
 * files are mutable tops replaced only by a conditional write on the version read, so no deploy's
 * version or build is ever lost to another's; their checksum files are derived from them and
 * written after the commit.
 */
package io.pinrepo.maven;

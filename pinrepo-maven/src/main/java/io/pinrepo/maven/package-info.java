/**
 * Deploys Maven artifacts into a repository on any {@link io.pinrepo.spi.Storage}, writing exactly
 * what maven-resolver would, safely under concurrent deploys. Start at {@link
 * io.pinrepo.maven.MavenDeployer}; describe a deploy with {@link io.pinrepo.maven.Deployment} and
 * {@link io.pinrepo.maven.ArtifactFile}; read a repository back with {@link
 * io.pinrepo.maven.MavenCatalog}; verify it and collect its garbage with {@link
 * io.pinrepo.maven.MavenFormat}.
 *
 * <p>Artifact files are blobs, written before anything refers to them; {@code maven-metadata.xml}
 * files are mutable tops replaced only by a conditional write on the version read, so no deploy's
 * version or build is ever lost to another's.
 */
package io.pinrepo.maven;

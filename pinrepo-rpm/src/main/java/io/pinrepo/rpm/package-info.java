/**
 * YUM/DNF repositories: {@link io.pinrepo.rpm.RpmRepository} publishes {@code .rpm} files into
 * repository paths, removes and lists them ({@link io.pinrepo.rpm.RpmRef}, {@link
 * io.pinrepo.rpm.RpmSelector}, {@link io.pinrepo.rpm.SourcePlacement}); {@link
 * io.pinrepo.rpm.RpmFormat} is how verify, GC and serving see them.
 *
 * <p>The sub-packages do the work and never use this one: {@code header} reads RPM files, {@code
 * version} orders versions as rpm does, {@code repodata} reads and writes the documents as
 * createrepo_c writes them.
 *
 * <h2>Layout of one path</h2>
 *
 * <pre>
 * el9/x86_64/Packages/h/hello-1.0-1.el9.x86_64.rpm     package files (blobs)
 * el9/x86_64/repodata/&lt;sha256&gt;-primary.xml.gz         filelists, other alike (blobs)
 * el9/x86_64/repodata/repomd.xml                       the top, replaced conditionally
 * el9/x86_64/repodata/repomd.xml.asc                   derived: written after the commit
 * el9/x86_64/repodata/pinrepo-superseded               metadata kept for clients of the last top
 * el9/SRPMS/...                                        source packages (SourcePlacement)
 * .pinrepo-rpm-paths                                   every path published into
 * </pre>
 */
package io.pinrepo.rpm;

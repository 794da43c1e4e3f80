/**
 * YUM/DNF repodata, byte for byte as createrepo_c (0.17) writes it: {@link
 * io.pinrepo.rpm.repodata.PackageEntry} is one package in {@code primary.xml}, {@code
 * filelists.xml} and {@code other.xml}, made from a package file with createrepo_c's rules or read
 * back from existing repodata ({@link io.pinrepo.rpm.repodata.RepodataReader}, or {@link
 * io.pinrepo.rpm.repodata.PrimaryReader} for primary alone); {@link
 * io.pinrepo.rpm.repodata.RepodataWriter} writes the three documents in one streaming pass; {@link
 * io.pinrepo.rpm.repodata.MetadataOutput} compresses and digests each; {@link
 * io.pinrepo.rpm.repodata.Repomd} is {@code repomd.xml}.
 *
 * <h2>Adding a package without reading the others</h2>
 *
 * <p>Read the current {@code repomd.xml}, open the three documents it names with a {@link
 * io.pinrepo.rpm.repodata.RepodataReader}, and merge its entries (already in {@link
 * io.pinrepo.rpm.repodata.PackageEntry#ORDER}) with the new ones into a {@link
 * io.pinrepo.rpm.repodata.RepodataWriter}: the package count is the old count plus the added minus
 * the removed (a first pass with {@link io.pinrepo.rpm.repodata.PrimaryReader} decides what to
 * remove). Memory stays constant; the package files are not read.
 */
package io.pinrepo.rpm.repodata;

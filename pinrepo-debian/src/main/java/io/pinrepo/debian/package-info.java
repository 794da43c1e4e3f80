/**
 * Publishes .deb packages into APT repositories that the real apt-get accepts. {@link
 * io.pinrepo.debian.AptRepository} is the entry point (publish, remove, list; every change returns
 * a {@link io.pinrepo.format.ChangeReport} of {@link io.pinrepo.debian.PackageRef} entries); its
 * {@code format()} is the {@link io.pinrepo.debian.AptFormat} that verify, GC and serving use with
 * the same settings; its {@code promotion()} is the {@link io.pinrepo.debian.AptPromotion} that
 * points one distribution at another's indexes, with a history of {@link
 * io.pinrepo.debian.Promotion}s to roll back to. {@link io.pinrepo.debian.DebPackage} is a .deb
 * read in one streamed pass and {@link io.pinrepo.debian.DebianVersion} dpkg's version order.
 * Control syntax lives in {@link io.pinrepo.debian.control}, which depends on nothing of this
 * package.
 */
package io.pinrepo.debian;

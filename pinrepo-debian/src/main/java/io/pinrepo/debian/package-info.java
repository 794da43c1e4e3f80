/**
 * Publishes .deb packages into APT repositories that the real apt-get accepts: {@link
 * io.pinrepo.debian.AptRepository} (publish, remove, list), {@link io.pinrepo.debian.DebPackage} (a
 * .deb read in one streamed pass) and {@link io.pinrepo.debian.DebianVersion} (dpkg's version
 * order). Control syntax lives in {@link io.pinrepo.debian.control}.
 */
package io.pinrepo.debian;

/**
 * Real Debian binary packages built in Java ({@link io.pinrepo.testkit.deb.DebBuilder}), for tests
 * that need .deb files without {@code dpkg-deb}.
 */
package io.pinrepo.testkit.deb;

/**
 * A small HTTP server that serves any {@link io.pinrepo.spi.Storage} over loopback, so tests can
 * point the real apt-get, pip and mvn at a repository: {@link
 * io.pinrepo.testkit.http.RepositoryServer}, with content types from {@link
 * io.pinrepo.testkit.http.MediaTypes}.
 */
package io.pinrepo.testkit.http;

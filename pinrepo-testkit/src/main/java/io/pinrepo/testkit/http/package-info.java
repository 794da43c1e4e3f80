/**
 * A small HTTP server that serves any {@link io.pinrepo.spi.Storage} over loopback, so tests can
 * point the real apt-get, pip and mvn at a repository: {@link
 * io.pinrepo.testkit.http.RepositoryServer}, with headers from {@link
 * io.pinrepo.serving.ServingHeaders}.
 */
package io.pinrepo.testkit.http;

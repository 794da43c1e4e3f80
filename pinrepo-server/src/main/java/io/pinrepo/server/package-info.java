/**
 * Serving repositories over HTTP: {@link io.pinrepo.server.RepositoryServer}, a small read-only
 * server over any {@link io.pinrepo.spi.Storage}, for {@code pinrepo serve}, the demo and tests
 * that point the real apt-get, pip and mvn at a repository. Headers come from a {@link
 * io.pinrepo.serving.ServingPolicy}.
 */
package io.pinrepo.server;

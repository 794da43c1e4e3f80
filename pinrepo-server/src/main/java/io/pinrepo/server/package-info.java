/**
 * Serving repositories over HTTP: {@link io.pinrepo.server.RepositoryServer}, a small read-only
 * server over any {@link io.pinrepo.spi.Storage}, for {@code pinrepo serve}, {@code pinrepo mirror
 * serve}, the demo and tests that point the real apt-get, pip and mvn at a repository. Headers come
 * from a {@link io.pinrepo.serving.ServingPolicy}; {@link io.pinrepo.server.Redirects} turn some
 * answers into redirects (presigned URLs, a mirror region's copies); a server of several {@link
 * io.pinrepo.server.Site}s serves each under its own first path segment; every answer is reported
 * to an {@link io.pinrepo.access.AccessLog}. Over a {@link io.pinrepo.cache.ReadThroughCache},
 * answers say how fresh they are.
 */
package io.pinrepo.server;

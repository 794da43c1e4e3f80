/**
 * How repository objects are served: content type and cache policy per key. Core knows no format's
 * file names; each format answers for its own keys through its {@code RepositoryFormat}, and the S3
 * backend, the HTTP server and the cache ask a {@link io.pinrepo.serving.ServingPolicy}.
 */
package io.pinrepo.serving;

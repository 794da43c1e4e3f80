/**
 * A read-through cache for serving a repository: {@link io.pinrepo.cache.ReadThroughCache}, a
 * {@link io.pinrepo.spi.Storage} that keeps the origin's objects on local disk, bounded in bytes,
 * revalidates mutable tops by version token and goes on serving while the origin is down, telling
 * the caller how fresh each answer is ({@link io.pinrepo.cache.Freshness}). New: the API may still
 * change.
 */
@Experimental
package io.pinrepo.cache;

import io.pinrepo.Experimental;

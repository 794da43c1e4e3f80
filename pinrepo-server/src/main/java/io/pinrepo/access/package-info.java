/**
 * Access counts (after nar-herder's fetch analytics): serving nodes report each answered request to
 * an {@link io.pinrepo.access.AccessLog}; the stock {@link io.pinrepo.access.AccessRecorder} sums
 * them in memory and writes one immutable object per node per period under {@code .pinrepo/access/}
 * of the storage it serves, so nodes never contend for an object; {@link
 * io.pinrepo.access.AccessStats} reads them back and sums them. The regional mirror's expiry ranks
 * copies by the last use these records show. New: the API may still change.
 */
@Experimental
package io.pinrepo.access;

import io.pinrepo.Experimental;

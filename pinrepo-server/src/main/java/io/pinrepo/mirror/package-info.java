/**
 * A regional mirror (after Mozilla's cloud-mirror): {@link io.pinrepo.mirror.RegionalMirror} copies
 * a repository's immutable objects from an origin storage into named region storages on first
 * request, verified against the repository's own index before they become visible, exactly once
 * however many threads, processes and machines ask (a lease object in the region storage, created
 * with a conditional write), and tells where to read them; {@link io.pinrepo.mirror.MirrorExpiry}
 * deletes copies least recently used first. The HTTP side is {@link
 * io.pinrepo.server.Redirects#toRegion}. No lock server: only the storages' own conditional writes.
 * New: the API may still change.
 */
@Experimental
package io.pinrepo.mirror;

import io.pinrepo.Experimental;

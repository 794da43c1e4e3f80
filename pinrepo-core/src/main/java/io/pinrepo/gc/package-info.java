/** Garbage collection: mark from live tops, sweep unreachable blobs past a grace period. */
package io.pinrepo.gc;

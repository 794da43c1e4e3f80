/**
 * The commit protocol shared by every format: blobs first ({@link io.pinrepo.commit.Blobs}), then
 * the mutable top replaced conditionally on the version read ({@link io.pinrepo.commit.Top}), the
 * whole retried with jittered backoff on a lost race ({@link io.pinrepo.commit.OptimisticCommit}).
 */
package io.pinrepo.commit;

/**
 * Replication: copying a repository, or one part of it, to another storage so that the target is a
 * consistent repository at every moment ({@link io.pinrepo.replication.Replicator}). Format
 * agnostic: each {@link io.pinrepo.format.RepositoryFormat} reports its live objects with their
 * roles, and the copy writes blobs, then derived files, then tops.
 */
package io.pinrepo.replication;

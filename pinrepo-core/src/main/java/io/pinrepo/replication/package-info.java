/**
 * Replication: copying a repository, or one part of it, to another storage so that the target is a
 * consistent repository at every moment ({@link io.pinrepo.replication.Replicator}). Format
 * agnostic: each {@link io.pinrepo.format.RepositoryFormat} reports its live objects with their
 * roles, and the copy writes blobs, then derived files, then tops.
 *
 * <h2>Why the target is never torn</h2>
 *
 * <p>A reader of the target starts at a top (an {@code InRelease}, a project's {@code index.json},
 * a {@code maven-metadata.xml}) and follows what it names. The argument that every top in the
 * target names only objects present there in full, with the size and digest named:
 *
 * <ol>
 *   <li><b>Before the mark.</b> A round stats every top it knows and keeps the version tokens T.
 *   <li><b>The mark.</b> It then asks the formats for everything those tops reach (the live set). A
 *       top whose token is still T afterwards was not replaced between the stat and any read the
 *       mark made of it, so the live set the mark computed from it is exactly what version T names.
 *   <li><b>Blobs and derived files first.</b> Every blob of the live set is written to the target
 *       before any top: blobs with {@code If-None-Match: *} (keys are write-once; a streamed copy
 *       checks size and SHA-256 against the index and writes nothing when they disagree), derived
 *       files conditionally on the target version the run listed. A storage write is atomic, so a
 *       reader sees a whole object or none.
 *   <li><b>Tops last, and only unmoved ones.</b> Each top is read with its token; it is written
 *       only when the token is still T, so the bytes written are version T, whose objects step 3
 *       put in place. Tops are written deepest key first (a project's page before the root page
 *       that lists it), and the first top that moved or is new stops the writing for this round: no
 *       top written names a deeper top still missing or older. The next round starts again at step
 *       1.
 *   <li><b>The target's own writers.</b> Each top replaces the target's version conditionally on
 *       the version the run listed or wrote, so a concurrent publisher or replicator is never
 *       overwritten; one of them fails with {@link
 *       io.pinrepo.replication.ReplicationConflictException}, one line.
 *   <li><b>Deletion after, with grace.</b> Objects are deleted only after the new tops are in
 *       place, only when neither the target's tops nor the source's reach them, and only a grace
 *       period after they were first found so (recorded in the target), since a reader may still
 *       follow a top it read before.
 * </ol>
 *
 * <p>A run killed at any point therefore leaves the target as the last completed write made it,
 * which by the argument above is consistent, and the next run completes it. A scoped copy ({@code
 * --dist}, {@code --project}, {@code --group}) follows the same steps on the part's live set; a top
 * every part shares is merged into the target's by its {@link io.pinrepo.format.ScopedFormat} and
 * committed as a publisher would (conditional, retried on a lost race), its derived files settled
 * after it.
 *
 * <p>What it does not promise: a reader of the target may see some tops of the new state beside
 * others of the old (two distributions, two projects) while a run is in progress; each top is
 * consistent with what it names, which is what apt-get, pip and mvn need.
 */
package io.pinrepo.replication;

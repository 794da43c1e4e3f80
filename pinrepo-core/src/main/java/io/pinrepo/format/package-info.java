/**
 * The shape every format follows, and the one interface ({@link
 * io.pinrepo.format.RepositoryFormat}) through which repository-wide tools learn a format.
 *
 * <h2>Adding a format</h2>
 *
 * A format is one module, {@code pinrepo-<format>}, that depends on pinrepo-core and nothing else
 * of pinrepo; nothing in core, the S3 backend or the server changes.
 *
 * <ol>
 *   <li><b>Entry point.</b> A final class {@code <Format>Repository} made by {@code
 *       builder(Storage)}; its builder takes the settings every format shares, with the same names
 *       and defaults: {@code clock(Clock)} (system UTC), {@code signer(Signer)} (unsigned), {@code
 *       retryPolicy(RetryPolicy)} ({@link io.pinrepo.commit.RetryPolicy#DEFAULT}), {@code
 *       retention(Retention)} ({@link io.pinrepo.format.Retention#keepAll()}), and then its own.
 *       The repository object is the single holder of those settings: {@code format()} returns the
 *       {@link io.pinrepo.format.RepositoryFormat} configured like it, for verify and GC.
 *   <li><b>Entries and results.</b> The format's entry is a record implementing {@link
 *       io.pinrepo.format.Entry}; every operation that changes the repository returns a {@link
 *       io.pinrepo.format.ChangeReport} of it.
 *   <li><b>Batches.</b> A publish takes many files and reads and validates every one before it
 *       writes anything: if any is invalid or conflicts, nothing is written and the refusal names
 *       every bad file ({@link io.pinrepo.RefusedBatchException}).
 *   <li><b>Errors.</b> Bad input is a {@link io.pinrepo.MalformedPackageException}, a published
 *       name with other bytes a {@link io.pinrepo.PackageConflictException}, a lost commit budget a
 *       {@link io.pinrepo.CommitConflictException}; a format's own exceptions subclass {@link
 *       io.pinrepo.PinrepoException} and live in the module's root package. A refused publish
 *       leaves the repository byte for byte as it was: check conflicts before uploading, and delete
 *       what was uploaded when a race makes the commit refuse.
 *   <li><b>Commit.</b> Blobs first ({@link io.pinrepo.commit.Blobs}), then one {@link
 *       io.pinrepo.commit.OptimisticCommit.Operation}: {@code commit} reads the top and its
 *       version, computes the new state from it (never from a listing), writes content-addressed
 *       files and replaces the top conditionally; {@code settle} then writes the files derived from
 *       the top ({@link io.pinrepo.commit.DerivedFiles}, their versions read before the commit). A
 *       change that commits nothing settles the derived files of the current top, which repairs
 *       what a crashed publisher left behind.
 *   <li><b>Tools.</b> The {@link io.pinrepo.format.RepositoryFormat} verifies, reports live objects
 *       with their roles for GC and replication, names collectable prefixes and answers how each of
 *       its keys is served; it is registered in {@code
 *       META-INF/services/io.pinrepo.format.RepositoryFormat}.
 *   <li><b>Tests.</b> The real client reads what the format writes; the reference tool's output is
 *       compared field by field; a fault at every storage operation ({@code
 *       InMemoryStorage.failOn}) leaves a consistent repository that a retry completes; a slow
 *       writer that dies after a stale write ({@code DiesAfterWrite}) never leaves derived files
 *       behind their top; concurrent publishers lose nothing.
 * </ol>
 */
package io.pinrepo.format;

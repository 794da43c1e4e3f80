/**
 * Immutable builds on any {@link io.pinrepo.spi.Storage}, and named version pointers that deploy
 * nodes follow: what a deploy system keeps of each CI build, without a lock server.
 *
 * <p>{@link io.pinrepo.build.BuildRepository} (made by {@code builder(Storage)}, the one holder of
 * the settings) publishes a {@link io.pinrepo.build.manifest.NewBuild} as write-once file blobs and
 * then a manifest, reporting a {@link io.pinrepo.format.ChangeReport} of {@link
 * io.pinrepo.build.BuildRef}; lists a name's builds newest first; and fetches a build into a
 * directory, verified file by file before anything is moved into place. Its {@link
 * io.pinrepo.build.Pointers} set {@code (name, pointer) -> version} by compare-and-swap with an
 * append-only history, and a {@link io.pinrepo.build.PointerWatcher} lets a node poll one cheaply.
 * {@link io.pinrepo.build.BuildFormat} is the format for verify, GC and serving; {@link
 * io.pinrepo.build.BuildLayout} names every object. Every exception the module throws on purpose is
 * in this package.
 *
 * <p>The sub-packages hold values and documents and depend on nothing here: {@code manifest}
 * (names, versions, paths, metadata, the manifest and its JSON) and {@code pointer} (pointer names,
 * changes, states and their JSON).
 */
package io.pinrepo.build;

/**
 * Immutable builds on any {@link io.pinrepo.spi.Storage}: what a deploy system keeps of each CI
 * build, and names nodes can follow.
 *
 * <p>{@link io.pinrepo.build.BuildRepository} publishes a {@link io.pinrepo.build.NewBuild} (a
 * {@link io.pinrepo.build.BuildName}, a {@link io.pinrepo.build.BuildVersion}, files and {@link
 * io.pinrepo.build.BuildMetadata}) as write-once file blobs and then a {@link
 * io.pinrepo.build.Manifest}, and lists a name's builds newest first. {@link
 * io.pinrepo.build.BuildLayout} names every object. The sub-packages add version pointers with
 * history and a watcher ({@code pointer}), verified downloads ({@code fetch}) and the
 * repository-wide view for verify and GC ({@code format}). Every exception the module throws on
 * purpose is in this package.
 */
package io.pinrepo.build;

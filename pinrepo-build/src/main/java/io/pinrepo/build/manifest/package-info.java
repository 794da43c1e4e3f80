/**
 * What a build is: its {@link io.pinrepo.build.manifest.BuildName name}, {@link
 * io.pinrepo.build.manifest.BuildVersion version}, files and {@link
 * io.pinrepo.build.manifest.BuildMetadata metadata} as published ({@link
 * io.pinrepo.build.manifest.NewBuild}) and as recorded ({@link io.pinrepo.build.manifest.Manifest},
 * with its bytes in {@link io.pinrepo.build.manifest.ManifestJson}). Values only: no storage.
 */
package io.pinrepo.build.manifest;

/**
 * RPM versions and package identity: {@link io.pinrepo.rpm.version.RpmVersion} (epoch, version,
 * release, in rpm's own order) and {@link io.pinrepo.rpm.version.Nevra}.
 */
package io.pinrepo.rpm.version;

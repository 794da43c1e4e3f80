/**
 * Implementation details shared by the build packages: bounded JSON reading, the timestamp form and
 * name syntax checks. Not API: anything here may change without notice.
 */
package io.pinrepo.build.internal;

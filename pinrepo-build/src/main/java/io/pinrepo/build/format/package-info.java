/**
 * The build format as repository-wide tools see it: {@link io.pinrepo.build.format.BuildFormat} for
 * {@code pinrepo verify} and {@code pinrepo gc}, with its {@link
 * io.pinrepo.build.format.BuildRetention} and {@link io.pinrepo.build.format.HistoryRoots}.
 */
package io.pinrepo.build.format;

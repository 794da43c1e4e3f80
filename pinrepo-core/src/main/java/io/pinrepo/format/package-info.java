/**
 * The one interface through which repository-wide tools (verify, GC) learn a format's layout, so
 * that they stay format-agnostic.
 */
package io.pinrepo.format;

/**
 * Debian control syntax (deb822): {@link io.pinrepo.debian.control.ControlParagraph} parses and
 * writes paragraphs of {@code Name: value} fields, keeping field order and multi-line values as
 * they were, as found in a package's {@code control} file, a {@code Packages} index and a {@code
 * Release} file.
 */
package io.pinrepo.debian.control;

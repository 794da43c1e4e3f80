/**
 * Implementation details shared by pinrepo-maven's packages: a safe, bounded XML reader and a
 * deterministic XML writer. Not API: it may change in any release.
 */
package io.pinrepo.maven.internal;

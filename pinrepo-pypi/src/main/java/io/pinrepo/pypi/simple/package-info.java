/**
 * The simple repository API as files: a project's state ({@link
 * io.pinrepo.pypi.simple.ProjectPage}, a list of {@link io.pinrepo.pypi.simple.ProjectFile}s), its
 * PEP 691 JSON page ({@link io.pinrepo.pypi.simple.SimpleJson}, which is also the state read back
 * for the next commit), its PEP 503 HTML page ({@link io.pinrepo.pypi.simple.SimpleHtml}) and the
 * root list of projects ({@link io.pinrepo.pypi.simple.RootIndex}). Pure functions of their inputs:
 * the same state renders to the same bytes.
 */
package io.pinrepo.pypi.simple;

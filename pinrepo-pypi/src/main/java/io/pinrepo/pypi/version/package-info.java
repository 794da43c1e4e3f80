/**
 * PEP 440 versions: {@link io.pinrepo.pypi.version.Pep440Version} parses every spelling that pip
 * accepts, normalises it and orders versions exactly as pip's {@code packaging.version} does.
 */
package io.pinrepo.pypi.version;

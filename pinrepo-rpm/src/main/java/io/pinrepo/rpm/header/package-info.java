/**
 * Reading RPM files: {@link io.pinrepo.rpm.header.RpmReader} checks the lead, the signature header
 * and the main header with bounded, typed parsing ({@link io.pinrepo.rpm.header.ReadLimits}),
 * streams past the payload while digesting it, and returns an {@link
 * io.pinrepo.rpm.header.RpmPackage}: identity, description, relations, files, changelog, the
 * header's byte range and the file's digests.
 */
package io.pinrepo.rpm.header;

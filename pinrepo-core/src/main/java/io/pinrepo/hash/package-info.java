/** Streaming digests: every hash a repository index lists, computed in one pass. */
package io.pinrepo.hash;

/** Work spread over a few threads: uploads, copies and digests that wait on storage or a core. */
package io.pinrepo.parallel;

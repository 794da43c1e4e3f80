/** Storage on a local directory, safe across threads and processes. */
package io.pinrepo.fs;

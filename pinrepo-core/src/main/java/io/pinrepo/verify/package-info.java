/** Repository verification: every index entry matches the file it names, signatures check. */
package io.pinrepo.verify;

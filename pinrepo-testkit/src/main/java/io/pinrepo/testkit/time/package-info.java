/** Time a test controls. */
package io.pinrepo.testkit.time;

/** Storage decorators that stage the failures publishers must survive. */
package io.pinrepo.testkit.faults;

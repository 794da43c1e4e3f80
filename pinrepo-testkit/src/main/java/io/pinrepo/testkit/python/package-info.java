/**
 * Real, installable Python distributions built in Java for tests: {@link
 * io.pinrepo.testkit.python.WheelBuilder} and {@link io.pinrepo.testkit.python.SdistBuilder}, with
 * hooks to make them wrong on purpose (a METADATA that disagrees, an unsafe entry, a bomb).
 */
package io.pinrepo.testkit.python;

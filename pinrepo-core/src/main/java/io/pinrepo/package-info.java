/**
 * pinrepo's exceptions: {@link io.pinrepo.PinrepoException} and its subclasses, which every module
 * throws (format modules add subclasses in their own root package). This package depends on no
 * other pinrepo package, so any package may throw its types without a cycle.
 */
package io.pinrepo;

/**
 * Checks of a module's structure for its own tests: no package cycles ({@link
 * io.pinrepo.testkit.structure.PackageGraph}, on the JDK's jdeps) and no foreign or internal type
 * in the public API ({@link io.pinrepo.testkit.structure.PublicApi}).
 */
package io.pinrepo.testkit.structure;

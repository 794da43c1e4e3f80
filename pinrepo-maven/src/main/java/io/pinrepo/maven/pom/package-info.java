/**
 * Reading what a deploy needs from a POM (coordinates, packaging, name), safely: bounded size, no
 * DTD, no external entity, no property interpolation and no parent lookup beyond the {@code
 * <parent>} element itself.
 */
package io.pinrepo.maven.pom;

/**
 * Drivers for the real clients (apt-get, pip, mvn) that tests point at a repository, each isolated
 * from the machine's own configuration.
 */
package io.pinrepo.testkit.clients;

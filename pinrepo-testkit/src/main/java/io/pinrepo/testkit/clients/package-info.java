/**
 * Drivers for the real programs tests point at a repository (apt-get, pip, mvn, gpg and gpgv), each
 * isolated from the machine's own configuration: {@link io.pinrepo.testkit.clients.Programs} runs
 * any of them, {@link io.pinrepo.testkit.clients.AptRoot}, {@link io.pinrepo.testkit.clients.Pip}
 * and {@link io.pinrepo.testkit.clients.MavenConsumer} play the consumers, and {@link
 * io.pinrepo.testkit.clients.Gpg} makes throwaway signing keys.
 */
package io.pinrepo.testkit.clients;

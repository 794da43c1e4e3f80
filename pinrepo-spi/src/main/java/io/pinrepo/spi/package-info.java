/**
 * The storage SPI: {@link io.pinrepo.spi.Storage} and the values it speaks in. Backends implement
 * it; publishers, verification and GC use nothing else to reach bytes. Its exceptions are the
 * {@link io.pinrepo.spi.StorageException} hierarchy; everything else pinrepo throws is an {@code
 * io.pinrepo.PinrepoException} (in pinrepo-core).
 */
package io.pinrepo.spi;

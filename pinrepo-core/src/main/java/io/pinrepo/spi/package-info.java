/**
 * The storage SPI: {@link io.pinrepo.spi.Storage} and the values it speaks in. Backends implement
 * it; publishers, verification and GC use nothing else to reach bytes.
 */
package io.pinrepo.spi;

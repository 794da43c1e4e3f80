/**
 * The storage contract: {@link io.pinrepo.testkit.contract.StorageContract}, an abstract JUnit 5
 * suite that every {@link io.pinrepo.spi.Storage} backend extends in a few lines to prove it keeps
 * the SPI's promises.
 */
package io.pinrepo.testkit.contract;

/**
 * JMH benchmarks of pinrepo's publish paths and their parts, and the fixture repositories they run
 * against. Run {@code java -jar pinrepo-benchmarks/target/benchmarks.jar -h}; {@link
 * io.pinrepo.benchmarks.FixtureTool} makes the same repositories for the CLI comparison script.
 * Fixtures are made through the public API (one bulk publish, not one per package), in memory, and
 * then written out as files.
 */
package io.pinrepo.benchmarks;

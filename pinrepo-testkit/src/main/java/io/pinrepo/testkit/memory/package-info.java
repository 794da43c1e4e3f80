/** A strict in-memory storage with operation counting and fault injection, for tests. */
package io.pinrepo.testkit.memory;

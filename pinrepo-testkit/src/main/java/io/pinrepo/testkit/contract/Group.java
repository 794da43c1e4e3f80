package io.pinrepo.testkit.contract;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The sentence that names one {@code @Nested} group of {@link StorageContract}; {@link GroupNames}
 * puts the backend's test class before it. Not {@code @DisplayName}, which would keep JUnit from
 * asking the generator.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface Group {
  /** The group, as a sentence fragment: "conditional writes and deletes". */
  String value();
}

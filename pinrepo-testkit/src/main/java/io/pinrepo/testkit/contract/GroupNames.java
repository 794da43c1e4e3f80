package io.pinrepo.testkit.contract;

import java.util.List;
import org.junit.jupiter.api.DisplayNameGenerator;

/**
 * Names {@link StorageContract}'s groups after the backend that runs them: "{@code
 * FileSystemStorageContractTest > listing}". JUnit (5.12 and later) hands a generator the runtime
 * types of a nested class's enclosing instances, so the name is the backend's test class, not
 * {@code StorageContract}. Everything else is named as JUnit's standard generator names it.
 */
final class GroupNames extends DisplayNameGenerator.Standard {

  @Override
  public String generateDisplayNameForNestedClass(
      List<Class<?>> enclosingInstanceTypes, Class<?> nestedClass) {
    Group group = nestedClass.getAnnotation(Group.class);
    if (group == null || enclosingInstanceTypes.isEmpty()) {
      return super.generateDisplayNameForNestedClass(enclosingInstanceTypes, nestedClass);
    }
    Class<?> backend = enclosingInstanceTypes.get(enclosingInstanceTypes.size() - 1);
    return backend.getSimpleName() + " > " + group.value();
  }
}

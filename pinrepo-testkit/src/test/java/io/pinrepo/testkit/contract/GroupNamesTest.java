package io.pinrepo.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.pinrepo.spi.Storage;
import io.pinrepo.testkit.memory.InMemoryStorage;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.testkit.engine.EngineTestKit;

class GroupNamesTest {

  /** A backend's test as a consumer writes it, in another package as far as naming goes. */
  static class ExampleBackendContractTest extends StorageContract {
    @Override
    protected Storage newStorage() {
      return new InMemoryStorage();
    }

    @Nested
    class OwnChecks {
      @Test
      void somethingOfTheBackendsOwn() {}
    }
  }

  @Test
  void eachGroupIsNamedAfterTheBackendsTestClass() {
    Set<String> groups = new TreeSet<>(containerNames());

    assertTrue(
        groups.contains("ExampleBackendContractTest > conditional writes and deletes"),
        groups.toString());
    assertTrue(groups.contains("ExampleBackendContractTest > listing"), groups.toString());
    assertEquals(
        List.of(),
        groups.stream()
            .filter(g -> !g.startsWith("ExampleBackendContractTest > "))
            .filter(g -> !g.equals("OwnChecks") && !g.endsWith("$ExampleBackendContractTest"))
            .toList());
  }

  @Test
  void theBackendsOwnNestedClassesKeepTheirStandardNames() {
    assertTrue(containerNames().contains("OwnChecks"), containerNames().toString());
  }

  private static List<String> containerNames() {
    TestDescriptor root =
        EngineTestKit.engine("junit-jupiter")
            .selectors(selectClass(ExampleBackendContractTest.class))
            .discover()
            .getEngineDescriptor();
    return root.getDescendants().stream()
        .filter(d -> d.getSource().filter(ClassSource.class::isInstance).isPresent())
        .map(TestDescriptor::getDisplayName)
        .toList();
  }
}

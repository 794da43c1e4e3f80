package io.pinrepo.debian;

import io.pinrepo.PackageConflictException;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pinrepo.debian.control.ControlField;
import io.pinrepo.debian.control.ControlParagraph;
import io.pinrepo.debian.control.MalformedControlException;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** No Commons, xz, zstd, Guava or Jackson type leaks into the public API. */
class PublicApiTest {

  private static final List<Class<?>> PUBLIC_TYPES =
      List.of(
          AptRepository.class,
          AptRepository.Builder.class,
          AptFormat.class,
          ChangeReport.class,
          DebPackage.class,
          DebianVersion.class,
          IndexCompression.class,
          PackageConflictException.class,
          PackageRef.class,
          PackageSelector.class,
          Retention.class,
          Retention.KeepNewest.class,
          ControlField.class,
          ControlParagraph.class,
          MalformedControlException.class);

  @Test
  void publicSignaturesUseOnlyJdkAndPinrepoTypes() {
    List<String> leaks = new ArrayList<>();
    for (Class<?> type : PUBLIC_TYPES) {
      List<Executable> members = new ArrayList<>(List.of(type.getDeclaredMethods()));
      members.addAll(List.of(type.getDeclaredConstructors()));
      for (Executable member : members) {
        if (!Modifier.isPublic(member.getModifiers())) {
          continue;
        }
        Stream<Class<?>> types =
            Stream.concat(
                Stream.of(member.getParameterTypes()),
                member instanceof Method m ? Stream.of(m.getReturnType()) : Stream.empty());
        types
            .map(t -> t.isArray() ? t.getComponentType() : t)
            .filter(t -> !t.isPrimitive())
            .map(Class::getName)
            .filter(n -> !n.startsWith("java.") && !n.startsWith("io.pinrepo."))
            .forEach(n -> leaks.add(type.getSimpleName() + "." + member.getName() + ": " + n));
      }
    }
    assertEquals(List.of(), leaks);
  }
}

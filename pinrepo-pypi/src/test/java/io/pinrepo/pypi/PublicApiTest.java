package io.pinrepo.pypi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pinrepo.pypi.metadata.CoreMetadata;
import io.pinrepo.pypi.metadata.Distribution;
import io.pinrepo.pypi.metadata.DistributionFileName;
import io.pinrepo.pypi.metadata.DistributionReader;
import io.pinrepo.pypi.metadata.MetadataField;
import io.pinrepo.pypi.metadata.ReadLimits;
import io.pinrepo.pypi.simple.ProjectFile;
import io.pinrepo.pypi.simple.ProjectPage;
import io.pinrepo.pypi.simple.RootIndex;
import io.pinrepo.pypi.simple.SimpleHtml;
import io.pinrepo.pypi.simple.SimpleJson;
import io.pinrepo.pypi.version.Pep440Version;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** No vendor type (Jackson, Commons Compress, Guava, AWS) appears in the public API. */
class PublicApiTest {

  private static final List<Class<?>> PUBLIC_TYPES =
      List.of(
          PypiRepository.class,
          PypiRepository.Builder.class,
          PypiFormat.class,
          ProjectName.class,
          PublishResult.class,
          SimpleLayout.class,
          UnknownReleaseException.class,
          CoreMetadata.class,
          Distribution.class,
          DistributionFileName.class,
          DistributionReader.class,
          MetadataField.class,
          ReadLimits.class,
          ProjectFile.class,
          ProjectPage.class,
          RootIndex.class,
          SimpleHtml.class,
          SimpleJson.class,
          Pep440Version.class);

  private static final List<String> VENDORS =
      List.of("com.fasterxml.", "org.apache.commons.", "com.google.", "software.amazon.");

  @Test
  void publicSignaturesUseNoVendorTypes() {
    List<String> leaks = new ArrayList<>();
    for (Class<?> type : PUBLIC_TYPES) {
      List<Executable> members = new ArrayList<>(List.of(type.getDeclaredMethods()));
      members.addAll(List.of(type.getDeclaredConstructors()));
      for (Executable m : members) {
        if (!Modifier.isPublic(m.getModifiers())) {
          continue;
        }
        List<Type> types = new ArrayList<>(List.of(m.getGenericParameterTypes()));
        types.addAll(List.of(m.getGenericExceptionTypes()));
        if (m instanceof Method method) {
          types.add(method.getGenericReturnType());
        }
        for (Type t : types) {
          if (VENDORS.stream().anyMatch(v -> t.getTypeName().contains(v))) {
            leaks.add(type.getSimpleName() + "." + name(m) + ": " + t.getTypeName());
          }
        }
      }
    }
    assertEquals(List.of(), leaks);
  }

  private static String name(Executable m) {
    return m instanceof Constructor<?> ? "<init>" : m.getName();
  }
}

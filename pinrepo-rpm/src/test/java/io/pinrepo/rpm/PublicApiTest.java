package io.pinrepo.rpm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.rpm.header.ChangelogEntry;
import io.pinrepo.rpm.header.Dependency;
import io.pinrepo.rpm.header.DependencyKind;
import io.pinrepo.rpm.header.FileKind;
import io.pinrepo.rpm.header.HeaderRange;
import io.pinrepo.rpm.header.PackageFile;
import io.pinrepo.rpm.header.PackageInfo;
import io.pinrepo.rpm.header.ReadLimits;
import io.pinrepo.rpm.header.RpmPackage;
import io.pinrepo.rpm.header.RpmReader;
import io.pinrepo.rpm.repodata.Comparison;
import io.pinrepo.rpm.repodata.DependencyEntry;
import io.pinrepo.rpm.repodata.MetadataCompression;
import io.pinrepo.rpm.repodata.MetadataOutput;
import io.pinrepo.rpm.repodata.PackageEntry;
import io.pinrepo.rpm.repodata.PackageSummary;
import io.pinrepo.rpm.repodata.PrimaryReader;
import io.pinrepo.rpm.repodata.RepodataReader;
import io.pinrepo.rpm.repodata.RepodataWriter;
import io.pinrepo.rpm.repodata.Repomd;
import io.pinrepo.rpm.repodata.RepomdRecord;
import io.pinrepo.rpm.version.Nevra;
import io.pinrepo.rpm.version.RpmVersion;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** No vendor type (zstd-jni, Commons, Jackson, Guava, AWS) appears in the public API. */
class PublicApiTest {
  private static final List<Class<?>> PUBLIC_TYPES =
      List.of(
          ChangelogEntry.class,
          Dependency.class,
          DependencyKind.class,
          FileKind.class,
          HeaderRange.class,
          PackageFile.class,
          PackageInfo.class,
          ReadLimits.class,
          RpmPackage.class,
          RpmReader.class,
          Comparison.class,
          DependencyEntry.class,
          MetadataCompression.class,
          MetadataOutput.class,
          PackageEntry.class,
          PackageSummary.class,
          PrimaryReader.class,
          RepodataReader.class,
          RepodataWriter.class,
          Repomd.class,
          RepomdRecord.class,
          Nevra.class,
          RpmVersion.class);

  private static final List<String> VENDORS =
      List.of(
          "com.github.luben",
          "org.apache.commons.",
          "com.fasterxml.",
          "com.google.",
          "software.amazon.");

  @Test
  void publicSignaturesUseNoVendorTypes() {
    List<String> leaks = new ArrayList<>();
    for (Class<?> type : PUBLIC_TYPES) {
      assertTrue(Modifier.isPublic(type.getModifiers()), type.getName());
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
            String name = m instanceof Constructor<?> ? "<init>" : m.getName();
            leaks.add(type.getSimpleName() + "." + name + ": " + t.getTypeName());
          }
        }
      }
    }
    assertEquals(List.of(), leaks);
  }
}

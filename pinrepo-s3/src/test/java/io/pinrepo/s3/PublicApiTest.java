package io.pinrepo.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** No AWS type leaks out of the module, except the client a caller may hand in. */
class PublicApiTest {

  private static final String ALLOWED =
      "public io.pinrepo.s3.S3StorageBuilder"
          + " io.pinrepo.s3.S3StorageBuilder.client(software.amazon.awssdk.services.s3.S3Client)";

  private static List<Class<?>> publicTypes() throws Exception {
    Path dir = packageDirectory();
    List<Class<?>> types = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        if (name.endsWith(".class") && !name.equals("package-info.class")) {
          Class<?> type = Class.forName("io.pinrepo.s3." + name.replace(".class", ""));
          if (Modifier.isPublic(type.getModifiers())) {
            types.add(type);
          }
        }
      }
    }
    return types;
  }

  private static Path packageDirectory() throws URISyntaxException {
    return Path.of(S3Storage.class.getResource("S3Storage.class").toURI()).getParent();
  }

  @Test
  void publicSignaturesNameNoAwsTypeButTheHandedInClient() throws Exception {
    List<String> leaks = new ArrayList<>();
    List<Class<?>> types = publicTypes();
    assertTrue(types.contains(S3Storage.class), types.toString());
    for (Class<?> type : types) {
      List<Executable> members = new ArrayList<>();
      members.addAll(Arrays.asList(type.getConstructors()));
      members.addAll(Arrays.asList(type.getMethods()));
      for (Executable member : members) {
        String signature =
            member.toGenericString()
                + (member instanceof Method m ? " returns " + m.getGenericReturnType() : "");
        if (signature.contains("software.amazon") && !member.toString().equals(ALLOWED)) {
          leaks.add(signature);
        }
      }
      for (Field field : type.getFields()) {
        if (field.getGenericType().getTypeName().contains("software.amazon")) {
          leaks.add(field.toGenericString());
        }
      }
      for (Class<?> parent : type.getInterfaces()) {
        if (parent.getName().startsWith("software.amazon")) {
          leaks.add(type + " implements " + parent);
        }
      }
    }
    assertEquals(List.of(), leaks);
  }

  @Test
  void theHandedInClientIsTheOneExceptionAndExists() throws Exception {
    Method client =
        S3StorageBuilder.class.getMethod(
            "client", software.amazon.awssdk.services.s3.S3Client.class);
    assertEquals(ALLOWED, client.toString());
    assertTrue(Stream.of(S3Storage.class.getConstructors()).allMatch(Constructor::isSynthetic));
  }
}

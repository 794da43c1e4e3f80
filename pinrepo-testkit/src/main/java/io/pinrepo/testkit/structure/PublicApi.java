package io.pinrepo.testkit.structure;

import java.io.IOException;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The public API of one module's compiled classes: every public type outside {@code .internal}
 * packages, and the types its public and protected members use. A test asserts that no foreign type
 * (AWS, Guava, Jackson, Commons) and no {@code .internal} type leaks into a signature.
 */
public final class PublicApi {

  private final List<Class<?>> types;

  private PublicApi(List<Class<?>> types) {
    this.types = types;
  }

  /**
   * Loads the public types compiled into {@code classes} (a directory) through this thread's class
   * loader, skipping packages whose name has an {@code internal} segment.
   */
  public static PublicApi of(Path classes) throws IOException {
    List<Class<?>> types = new ArrayList<>();
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
        String name =
            classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
        name = name.substring(0, name.length() - ".class".length());
        if (name.endsWith("package-info") || name.endsWith("module-info") || isInternal(name)) {
          continue;
        }
        Class<?> type;
        try {
          type = Class.forName(name, false, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
          throw new IOException("cannot load " + name + ": " + e, e);
        }
        if (isVisible(type)) {
          types.add(type);
        }
      }
    }
    return new PublicApi(types);
  }

  /** The public types found. */
  public List<Class<?>> types() {
    return List.copyOf(types);
  }

  /**
   * Each use of a type in a public or protected signature (parameters, return types, fields,
   * supertypes) whose name {@code allowed} rejects or that lies in an {@code .internal} package, as
   * {@code Type.member: used.Type}; empty when the API is clean.
   */
  public List<String> leaks(Predicate<String> allowed) {
    List<String> leaks = new ArrayList<>();
    for (Class<?> type : types) {
      List<Class<?>> supertypes = new ArrayList<>(List.of(type.getInterfaces()));
      if (type.getSuperclass() != null) {
        supertypes.add(type.getSuperclass());
      }
      supertypes.forEach(t -> check(type, "extends", t, allowed, leaks));
      List<Executable> members = new ArrayList<>(List.of(type.getDeclaredMethods()));
      members.addAll(List.of(type.getDeclaredConstructors()));
      for (Executable member : members) {
        if (!isExposed(member.getModifiers()) || member.isSynthetic()) {
          continue;
        }
        Stream.of(member.getParameterTypes())
            .forEach(t -> check(type, member.getName(), t, allowed, leaks));
        if (member instanceof Method m) {
          check(type, member.getName(), m.getReturnType(), allowed, leaks);
        }
      }
      for (Field field : type.getDeclaredFields()) {
        if (isExposed(field.getModifiers()) && !field.isSynthetic()) {
          check(type, field.getName(), field.getType(), allowed, leaks);
        }
      }
    }
    return leaks;
  }

  /** {@link #leaks} allowing only JDK ({@code java.*}) and pinrepo ({@code io.pinrepo.*}) types. */
  public List<String> leaks() {
    return leaks(name -> name.startsWith("java.") || name.startsWith("io.pinrepo."));
  }

  private static void check(
      Class<?> owner, String member, Class<?> used, Predicate<String> allowed, List<String> out) {
    Class<?> t = used;
    while (t.isArray()) {
      t = t.getComponentType();
    }
    if (t.isPrimitive()) {
      return;
    }
    if (!allowed.test(t.getName()) || isInternal(t.getName())) {
      out.add(owner.getName() + "." + member + ": " + t.getName());
    }
  }

  private static boolean isVisible(Class<?> type) {
    for (Class<?> t = type; t != null; t = t.getDeclaringClass()) {
      if (!Modifier.isPublic(t.getModifiers())) {
        return false;
      }
    }
    return !type.isAnonymousClass() && !type.isSynthetic();
  }

  private static boolean isExposed(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  private static boolean isInternal(String className) {
    return className.contains(".internal.");
  }
}

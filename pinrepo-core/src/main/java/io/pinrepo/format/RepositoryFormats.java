package io.pinrepo.format;

import io.pinrepo.serving.ServingMetadata;
import io.pinrepo.serving.ServingPolicy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/** The formats on the class path, and serving policies made of formats. */
public final class RepositoryFormats {
  private RepositoryFormats() {}

  /**
   * Every format whose module is on the class path or module path (each registers its {@link
   * RepositoryFormat} in {@code META-INF/services/io.pinrepo.format.RepositoryFormat}), with its
   * default settings, ordered by name. A new format module is picked up by verify, GC and serving
   * without a change anywhere else.
   */
  public static List<RepositoryFormat> installed() {
    List<RepositoryFormat> formats = new ArrayList<>();
    ServiceLoader.load(RepositoryFormat.class, RepositoryFormat.class.getClassLoader())
        .forEach(formats::add);
    formats.sort(Comparator.comparing(RepositoryFormat::name));
    return List.copyOf(formats);
  }

  /**
   * A policy that asks each of {@code formats} in order and answers {@link ServingMetadata#UNKNOWN}
   * for a key none of them claims.
   */
  public static ServingPolicy servingPolicy(List<? extends RepositoryFormat> formats) {
    List<RepositoryFormat> copy = List.copyOf(formats);
    return key -> {
      for (RepositoryFormat format : copy) {
        Optional<ServingMetadata> answer = format.serving(key);
        if (answer.isPresent()) {
          return answer;
        }
      }
      return Optional.of(ServingMetadata.UNKNOWN);
    };
  }

  /** {@link #servingPolicy(List)} of the {@link #installed()} formats. */
  public static ServingPolicy servingPolicy() {
    return servingPolicy(installed());
  }
}

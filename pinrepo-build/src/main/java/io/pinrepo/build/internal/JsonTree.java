package io.pinrepo.build.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a small JSON document (a manifest, a pointer) into maps, lists, strings, longs and
 * booleans, bounded in depth and string length, and offers typed look-ups that fail with a message
 * naming the field. Duplicate keys are refused, so a document cannot say two things at once.
 */
public final class JsonTree {
  private JsonTree() {}

  /** The deepest nesting accepted. */
  static final int MAX_DEPTH = 8;

  /** The factory every build document is written and read with. */
  public static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(MAX_DEPTH)
                  .maxStringLength(1 << 16)
                  .maxNumberLength(20)
                  .build())
          .build();

  /**
   * Parses {@code json} as an object.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static Map<String, Object> object(byte[] json) {
    try (JsonParser p = FACTORY.createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("not a JSON object");
      }
      Map<String, Object> root = readObject(p);
      if (p.nextToken() != null) {
        throw new IllegalArgumentException("text after the JSON object");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("reading JSON from memory", e);
    }
  }

  private static Object read(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    return switch (t) {
      case START_OBJECT -> readObject(p);
      case START_ARRAY -> readArray(p);
      case VALUE_STRING -> p.getText();
      case VALUE_NUMBER_INT -> p.getLongValue();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> Optional.empty();
      default -> throw new IllegalArgumentException("unexpected JSON " + t);
    };
  }

  private static Map<String, Object> readObject(JsonParser p) throws IOException {
    Map<String, Object> map = new LinkedHashMap<>();
    for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
      String field = p.currentName();
      p.nextToken();
      if (map.put(field, read(p)) != null) {
        throw new IllegalArgumentException("field '" + field + "' appears twice");
      }
    }
    return map;
  }

  private static List<Object> readArray(JsonParser p) throws IOException {
    List<Object> list = new ArrayList<>();
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      list.add(read(p));
    }
    return list;
  }

  /** The string {@code field} of {@code object}; throws naming the field when absent or not one. */
  public static String string(Map<String, Object> object, String field) {
    return optionalString(object, field)
        .orElseThrow(() -> new IllegalArgumentException("field '" + field + "' is missing"));
  }

  /** The string {@code field}, or empty when absent or null. */
  public static Optional<String> optionalString(Map<String, Object> object, String field) {
    Object value = object.get(field);
    if (value == null || value instanceof Optional<?>) {
      return Optional.empty();
    }
    if (value instanceof String s) {
      return Optional.of(s);
    }
    throw new IllegalArgumentException("field '" + field + "' is not a string");
  }

  /** The integer {@code field}. */
  public static long number(Map<String, Object> object, String field) {
    if (object.get(field) instanceof Long n) {
      return n;
    }
    throw new IllegalArgumentException("field '" + field + "' is missing or not an integer");
  }

  /** The object {@code field}. */
  public static Map<String, Object> object(Map<String, Object> object, String field) {
    if (object.get(field) instanceof Map<?, ?> m) {
      @SuppressWarnings("unchecked")
      Map<String, Object> typed = (Map<String, Object>) m;
      return typed;
    }
    throw new IllegalArgumentException("field '" + field + "' is missing or not an object");
  }

  /** The array {@code field}. */
  public static List<Object> array(Map<String, Object> object, String field) {
    if (object.get(field) instanceof List<?> l) {
      return new ArrayList<>(l);
    }
    throw new IllegalArgumentException("field '" + field + "' is missing or not an array");
  }

  /** {@code value} as an object, for the elements of an array. */
  public static Map<String, Object> asObject(Object value, String what) {
    if (value instanceof Map<?, ?> m) {
      @SuppressWarnings("unchecked")
      Map<String, Object> typed = (Map<String, Object>) m;
      return typed;
    }
    throw new IllegalArgumentException(what + " is not an object");
  }
}

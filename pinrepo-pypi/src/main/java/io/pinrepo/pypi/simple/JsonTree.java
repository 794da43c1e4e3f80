package io.pinrepo.pypi.simple;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads one JSON value into maps, lists, strings, numbers, booleans and null, for parsing back. */
final class JsonTree {
  private JsonTree() {}

  private static final Object NULL = new Object();

  static Object read(JsonParser p) throws IOException {
    JsonToken t = p.nextToken();
    if (t == null) {
      throw new IOException("empty JSON");
    }
    Object value = value(p, t, 0);
    return value == NULL ? null : value;
  }

  private static Object value(JsonParser p, JsonToken t, int depth) throws IOException {
    if (depth > 32) {
      throw new IOException("JSON nested too deeply");
    }
    switch (t) {
      case START_OBJECT -> {
        Map<String, Object> map = new LinkedHashMap<>();
        for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
          String name = p.currentName();
          Object v = value(p, p.nextToken(), depth + 1);
          map.put(name, v == NULL ? null : v);
        }
        return map;
      }
      case START_ARRAY -> {
        List<Object> list = new ArrayList<>();
        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
          Object v = value(p, e, depth + 1);
          list.add(v == NULL ? null : v);
        }
        return list;
      }
      case VALUE_STRING -> {
        return p.getText();
      }
      case VALUE_NUMBER_INT -> {
        return p.getLongValue();
      }
      case VALUE_NUMBER_FLOAT -> {
        return p.getDoubleValue();
      }
      case VALUE_TRUE -> {
        return Boolean.TRUE;
      }
      case VALUE_FALSE -> {
        return Boolean.FALSE;
      }
      case VALUE_NULL -> {
        return NULL;
      }
      default -> throw new IOException("unexpected JSON token " + t);
    }
  }
}

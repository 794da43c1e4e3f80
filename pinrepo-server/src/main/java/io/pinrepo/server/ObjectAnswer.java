package io.pinrepo.server;

import com.sun.net.httpserver.HttpExchange;
import io.pinrepo.serving.ServingMetadata;
import io.pinrepo.serving.ServingPolicy;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Sends one object as a static host would: {@code ETag} (the version token, quoted), {@code
 * Last-Modified}, {@code Content-Type} and {@code Cache-Control} from the serving policy, 304 for a
 * matching {@code If-None-Match}, 206 for a single satisfiable range, 416 for an unsatisfiable one.
 */
final class ObjectAnswer {

  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

  /** What was sent: the status and the body's length. */
  record Sent(int status, long bytes) {}

  private ObjectAnswer() {}

  static Sent send(HttpExchange exchange, ObjectStream in, ServingPolicy serving, boolean head)
      throws IOException {
    ObjectInfo info = in.info();
    String etag = quote(info.versionToken());
    var headers = exchange.getResponseHeaders();
    headers.set("ETag", etag);
    headers.set("Last-Modified", HTTP_DATE.format(info.lastModified()));
    headers.set("Accept-Ranges", "bytes");
    ServingMetadata metadata = serving.of(info.key());
    headers.set("Content-Type", metadata.contentType());
    headers.set("Cache-Control", metadata.cacheControl());
    String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
    if (ifNoneMatch != null && etagMatches(ifNoneMatch, etag)) {
      exchange.sendResponseHeaders(304, -1);
      return new Sent(304, 0);
    }
    long size = info.size();
    Optional<String> range = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Range"));
    RangeHeader.Result result = RangeHeader.parse(range, size);
    if (result instanceof RangeHeader.Unsatisfiable) {
      headers.set("Content-Range", "bytes */" + size);
      exchange.sendResponseHeaders(416, -1);
      return new Sent(416, 0);
    }
    long first = 0;
    long length = size;
    int status = 200;
    if (result instanceof RangeHeader.Partial p) {
      first = p.first();
      length = p.last() - p.first() + 1;
      status = 206;
      headers.set("Content-Range", "bytes " + p.first() + "-" + p.last() + "/" + size);
    }
    if (head) {
      headers.set("Content-Length", Long.toString(length));
      exchange.sendResponseHeaders(status, -1);
      return new Sent(status, 0);
    }
    exchange.sendResponseHeaders(status, length == 0 ? -1 : length);
    try (OutputStream out = exchange.getResponseBody()) {
      in.skipNBytes(first);
      copy(in, out, length);
    }
    return new Sent(status, length);
  }

  private static void copy(InputStream in, OutputStream out, long length) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long left = length;
    while (left > 0) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (n < 0) {
        throw new IOException("object ended " + left + " bytes early");
      }
      out.write(buffer, 0, n);
      left -= n;
    }
  }

  private static boolean etagMatches(String ifNoneMatch, String etag) {
    for (String candidate : ifNoneMatch.split(",")) {
      String c = candidate.trim();
      if (c.startsWith("W/")) {
        c = c.substring(2);
      }
      if (c.equals("*") || c.equals(etag)) {
        return true;
      }
    }
    return false;
  }

  private static String quote(String token) {
    return token.length() >= 2 && token.startsWith("\"") && token.endsWith("\"")
        ? token
        : "\"" + token.replace("\"", "") + "\"";
  }
}

package io.pinrepo.server;

import com.sun.net.httpserver.HttpExchange;
import io.pinrepo.cache.CachedRead;
import io.pinrepo.cache.ReadThroughCache;
import io.pinrepo.mirror.CopyWaitTimeoutException;
import io.pinrepo.serving.ServingPolicy;
import io.pinrepo.spi.ByteRange;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectNotFoundException;
import io.pinrepo.spi.ObjectStream;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** Answers one {@code GET} or {@code HEAD} for a path within a {@link Site}. */
final class SiteAnswers {

  /** The first key segment of pinrepo's own records, which are never served. */
  private static final String PRIVATE = ".pinrepo";

  /** What was answered: the status, the object asked for (if the path named one) and the bytes. */
  record Answer(int status, Optional<ObjectKey> key, long bytes) {}

  private final ServingPolicy serving;

  SiteAnswers(ServingPolicy serving) {
    this.serving = serving;
  }

  Answer answer(HttpExchange exchange, Site site, String path) throws IOException {
    boolean head = exchange.getRequestMethod().equals("HEAD");
    Optional<Target> target = Target.of(path);
    if (target.isEmpty()) {
      return sendEmpty(exchange, 400);
    }
    ObjectKey key = target.get().key();
    if (key.segments().get(0).equals(PRIVATE)) {
      return sendEmpty(exchange, 404);
    }
    if (target.get().directory()) {
      key = negotiate(exchange, site.storage(), key);
    }
    Optional<Redirect> redirect;
    try {
      redirect = site.redirects().redirect(key);
    } catch (ObjectNotFoundException e) {
      return sendEmpty(exchange, 404, key);
    } catch (CopyWaitTimeoutException e) {
      exchange.getResponseHeaders().set("Retry-After", "1");
      return sendEmpty(exchange, 503, key);
    } catch (IOException e) {
      // a copy that failed verification (CopyVerificationException), or the origin or the region
      // failing: the fault of what stands behind this server
      return sendEmpty(exchange, 502, key);
    }
    if (redirect.isPresent()) {
      exchange.getResponseHeaders().set("Location", redirect.get().location().toASCIIString());
      exchange.getResponseHeaders().set("Cache-Control", "no-store");
      exchange.sendResponseHeaders(302, -1);
      return new Answer(302, Optional.of(key), redirect.get().size());
    }
    try (ObjectStream in = open(exchange, site.storage(), key)) {
      ObjectAnswer.Sent sent = ObjectAnswer.send(exchange, in, serving, head);
      return new Answer(sent.status(), Optional.of(key), sent.bytes());
    } catch (ObjectNotFoundException e) {
      return sendEmpty(exchange, 404, key);
    }
  }

  private static ObjectStream open(HttpExchange exchange, Storage storage, ObjectKey key)
      throws IOException {
    if (storage instanceof ReadThroughCache cache) {
      CachedRead read = cache.open(key, ByteRange.ALL);
      CacheHeaders.set(exchange.getResponseHeaders(), read.freshness());
      return read.stream();
    }
    return storage.read(key);
  }

  /**
   * Chooses between a directory's {@code index.html} and an {@code index.json} beside it by the
   * request's {@code Accept} header; HTML wins ties, as for clients that do not ask.
   */
  private ObjectKey negotiate(HttpExchange exchange, Storage storage, ObjectKey indexHtml)
      throws IOException {
    String value = indexHtml.value();
    ObjectKey json = ObjectKey.of(value.substring(0, value.length() - "html".length()) + "json");
    List<String> jsonTypes = serving.of(json).mediaTypes();
    List<String> htmlTypes = serving.of(indexHtml).mediaTypes();
    if (jsonTypes.equals(htmlTypes)) {
      return indexHtml;
    }
    exchange.getResponseHeaders().set("Vary", "Accept");
    AcceptHeader accept =
        AcceptHeader.parse(
            String.join(",", exchange.getRequestHeaders().getOrDefault("Accept", List.of())));
    double wantsJson = accept.quality(jsonTypes);
    return wantsJson > 0 && wantsJson > accept.quality(htmlTypes) && storage.stat(json).isPresent()
        ? json
        : indexHtml;
  }

  static Answer sendEmpty(HttpExchange exchange, int status) throws IOException {
    exchange.sendResponseHeaders(status, -1);
    return new Answer(status, Optional.empty(), 0);
  }

  private static Answer sendEmpty(HttpExchange exchange, int status, ObjectKey key)
      throws IOException {
    exchange.sendResponseHeaders(status, -1);
    return new Answer(status, Optional.of(key), 0);
  }

  static void trySend(HttpExchange exchange, int status) {
    try {
      exchange.sendResponseHeaders(status, -1);
    } catch (IOException | RuntimeException ignored) {
      // headers were already sent or the connection is gone: closing the exchange is all we can do
    }
  }

  /** A request path resolved to a key; {@code directory} when the path named a directory. */
  private record Target(ObjectKey key, boolean directory) {
    static Optional<Target> of(String path) {
      if (path == null || !path.startsWith("/")) {
        return Optional.empty();
      }
      String rest = path.substring(1);
      boolean directory = rest.isEmpty() || rest.endsWith("/");
      String key = directory ? rest + "index.html" : rest;
      try {
        return Optional.of(new Target(ObjectKey.of(key), directory));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
  }
}

package io.pinrepo.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.pinrepo.format.RepositoryFormats;
import io.pinrepo.serving.ServingMetadata;
import io.pinrepo.serving.ServingPolicy;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectNotFoundException;
import io.pinrepo.spi.ObjectStream;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A read-only HTTP server over any {@link Storage}, for tests that point a real client (apt-get,
 * pip, mvn) at a repository. It binds to {@code 127.0.0.1} on an ephemeral port unless told
 * otherwise and serves what a static host would, plus content negotiation among a directory's index
 * files (which is how PEP 691 clients get a PyPI page's JSON form):
 *
 * <ul>
 *   <li>{@code GET} and {@code HEAD}; other methods get 405.
 *   <li>A path ending in {@code /} (or the root) serves the directory's {@code index.html}, or the
 *       {@code index.json} beside it when the {@code Accept} header ranks the media types its
 *       {@link ServingMetadata} lists higher; such answers carry {@code Vary: Accept}.
 *   <li>A single byte range ({@code Range: bytes=a-b}, {@code a-}, {@code -n}) answers 206, or 416
 *       when unsatisfiable; several ranges are ignored (200 with everything).
 *   <li>{@code ETag} is the object's version token, quoted; a matching {@code If-None-Match}
 *       answers 304.
 *   <li>Content-Type and Cache-Control come from a {@link ServingPolicy}: by default every
 *       installed format answers for its own keys.
 *   <li>Paths that are not valid {@link ObjectKey}s ({@code ..}, empty segments, backslashes)
 *       answer 400, so nothing outside the storage is ever reachable; missing keys answer 404.
 * </ul>
 *
 * <p>Keys under {@code .pinrepo/} (pinrepo's own records) are never served: they answer 404.
 *
 * <p>Every request is recorded ({@link #requests()}) so a test can check, say, that pip fetched a
 * {@code .metadata} file. It does not do TLS, authentication, directory listings or writes. The
 * server does not close the storage. Thread-safe.
 */
public final class RepositoryServer implements AutoCloseable {

  /**
   * One request the server answered.
   *
   * @param method the HTTP method
   * @param path the decoded request path, such as {@code /simple/foo/}
   * @param accept the {@code Accept} header, or empty text when there was none
   * @param status the status code sent
   */
  public record Request(String method, String path, String accept, int status) {
    /** Validates that every field is present. */
    public Request {
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(accept, "accept");
    }
  }

  private static final InetAddress LOOPBACK = loopback();

  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

  private final Storage storage;
  private final ServingPolicy serving;
  private final HttpServer server;
  private final ExecutorService executor;

  /**
   * Requests kept for {@link #requests()}; older ones are dropped so a long-running server stays
   * small.
   */
  static final int MAX_RECORDED = 10_000;

  private final ConcurrentLinkedQueue<Request> requests = new ConcurrentLinkedQueue<>();
  private final AtomicInteger recorded = new AtomicInteger();
  private final Consumer<Request> listener;

  private RepositoryServer(Builder b) throws IOException {
    this.storage = b.storage;
    this.serving = b.serving == null ? RepositoryFormats.servingPolicy() : b.serving;
    Consumer<Request> listener = b.listener;
    int threads = b.threads;
    InetSocketAddress address = new InetSocketAddress(b.address, b.port);
    this.listener = listener;
    this.server = HttpServer.create(address, 0);
    AtomicInteger n = new AtomicInteger();
    this.executor =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "repository-server-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Serves {@code storage} on {@code 127.0.0.1} at an ephemeral port. */
  public static RepositoryServer start(Storage storage) throws IOException {
    return builder(storage).start();
  }

  /** A builder for a server over {@code storage}, to choose the address, port or pool size. */
  public static Builder builder(Storage storage) {
    return new Builder(storage);
  }

  /** The server's root, such as {@code http://127.0.0.1:41234/}; always ends with {@code /}. */
  public URI baseUri() {
    InetSocketAddress address = server.getAddress();
    String host = address.getAddress().getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return URI.create("http://" + host + ":" + address.getPort() + "/");
  }

  /** The requests answered so far (the latest 10,000), oldest first. */
  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** Stops listening at once and ends the worker threads; the storage stays open. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    int status = 500;
    try {
      status = respond(exchange);
    } catch (IOException | RuntimeException e) {
      // The client may have gone away; answer if headers were not sent yet, and record the 500.
      trySend(exchange, 500);
    } finally {
      String accept = exchange.getRequestHeaders().getFirst("Accept");
      Request request =
          new Request(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getPath(),
              accept == null ? "" : accept,
              status);
      requests.add(request);
      if (recorded.incrementAndGet() > MAX_RECORDED) {
        requests.poll();
        recorded.decrementAndGet();
      }
      listener.accept(request);
      exchange.close();
    }
  }

  private int respond(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    boolean head = method.equals("HEAD");
    if (!head && !method.equals("GET")) {
      exchange.getResponseHeaders().set("Allow", "GET, HEAD");
      return sendEmpty(exchange, 405);
    }
    Optional<Target> target = Target.of(exchange.getRequestURI().getPath());
    if (target.isEmpty()) {
      return sendEmpty(exchange, 400);
    }
    ObjectKey key = target.get().key();
    if (key.segments().get(0).equals(PRIVATE)) {
      return sendEmpty(exchange, 404);
    }
    if (target.get().directory()) {
      key = negotiate(exchange, key);
    }
    try (ObjectStream in = storage.read(key)) {
      return sendObject(exchange, in, head);
    } catch (ObjectNotFoundException e) {
      return sendEmpty(exchange, 404);
    }
  }

  /**
   * Chooses between a directory's {@code index.html} and an {@code index.json} beside it by the
   * request's {@code Accept} header; HTML wins ties, as for clients that do not ask.
   */
  private ObjectKey negotiate(HttpExchange exchange, ObjectKey indexHtml) throws IOException {
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

  private int sendObject(HttpExchange exchange, ObjectStream in, boolean head) throws IOException {
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
      return 304;
    }
    long size = info.size();
    Optional<String> range = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Range"));
    RangeHeader.Result result = RangeHeader.parse(range, size);
    if (result instanceof RangeHeader.Unsatisfiable) {
      headers.set("Content-Range", "bytes */" + size);
      return sendEmpty(exchange, 416);
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
      return status;
    }
    exchange.sendResponseHeaders(status, length == 0 ? -1 : length);
    try (OutputStream out = exchange.getResponseBody()) {
      in.skipNBytes(first);
      copy(in, out, length);
    }
    return status;
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

  private static int sendEmpty(HttpExchange exchange, int status) throws IOException {
    exchange.sendResponseHeaders(status, -1);
    return status;
  }

  private static void trySend(HttpExchange exchange, int status) {
    try {
      exchange.sendResponseHeaders(status, -1);
    } catch (IOException | RuntimeException ignored) {
      // headers were already sent or the connection is gone: closing the exchange is all we can do
    }
  }

  /** The first key segment of pinrepo's own records, which are never served. */
  private static final String PRIVATE = ".pinrepo";

  private static InetAddress loopback() {
    try {
      return InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException("127.0.0.1 rejected", e);
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

  /** Chooses where a {@link RepositoryServer} listens and how many threads serve it. */
  public static final class Builder {
    private final Storage storage;
    private InetAddress address = LOOPBACK;
    private int port;
    private int threads = 4;
    private Consumer<Request> listener = request -> {};
    private ServingPolicy serving;

    private Builder(Storage storage) {
      this.storage = Objects.requireNonNull(storage, "storage");
    }

    /** Listens on {@code address}; the default is the loopback address. */
    public Builder bindAddress(InetAddress address) {
      this.address = Objects.requireNonNull(address, "address");
      return this;
    }

    /** Listens on {@code port}; the default 0 picks a free ephemeral port. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port out of range: " + port);
      }
      this.port = port;
      return this;
    }

    /** Serves with {@code threads} worker threads; the default is 4. */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be at least 1: " + threads);
      }
      this.threads = threads;
      return this;
    }

    /** Calls {@code listener} after each answered request, e.g. to log it; it must not block. */
    public Builder onRequest(Consumer<Request> listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Chooses each answer's {@code Content-Type} and {@code Cache-Control}, and the media types
     * negotiated for directory indexes; by default every installed format answers for its own keys
     * ({@link RepositoryFormats#servingPolicy()}).
     */
    public Builder serving(ServingPolicy policy) {
      this.serving = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** Binds and starts the server; throws {@link IOException} when it cannot bind. */
    public RepositoryServer start() throws IOException {
      return new RepositoryServer(this);
    }
  }
}

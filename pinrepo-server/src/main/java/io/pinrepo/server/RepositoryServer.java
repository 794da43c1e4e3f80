package io.pinrepo.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.pinrepo.access.AccessLog;
import io.pinrepo.access.AccessRecord;
import io.pinrepo.format.RepositoryFormats;
import io.pinrepo.serving.ServingMetadata;
import io.pinrepo.serving.ServingPolicy;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.Storage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A read-only HTTP server over any {@link Storage}: for {@code pinrepo serve}, {@code pinrepo
 * mirror serve}, the demo and tests that point a real client (apt-get, pip, mvn) at a repository.
 * It binds to {@code 127.0.0.1} on an ephemeral port unless told otherwise and serves what a static
 * host would, plus content negotiation among a directory's index files (which is how PEP 691
 * clients get a PyPI page's JSON form):
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
 *   <li>A {@link Redirects} may answer an object with a {@code 302} (to a presigned URL, to a
 *       region's copy) instead of its bytes; see there for the statuses of its failures.
 *   <li>Over a {@link io.pinrepo.cache.ReadThroughCache}, answers say how fresh they are: {@code
 *       Cache-Status}, {@code Age}, and {@code Warning: 110} when a top is served stale because the
 *       origin failed.
 * </ul>
 *
 * <p>It serves one storage at the root ({@link #builder(Storage)}), or several {@link Site}s, each
 * under {@code /NAME/} ({@link #builder(List)}; other first segments answer 404). Keys under {@code
 * .pinrepo/} (pinrepo's own records) are never served: they answer 404.
 *
 * <p>Every request is recorded ({@link #requests()}) so a test can check, say, that pip fetched a
 * {@code .metadata} file, and every request for an object is reported to the {@link AccessLog}. It
 * does not do TLS, authentication, directory listings or writes. The server does not close the
 * storages. Thread-safe.
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

  /**
   * Requests kept for {@link #requests()}; older ones are dropped so a long-running server stays
   * small.
   */
  static final int MAX_RECORDED = 10_000;

  private static final InetAddress LOOPBACK = loopback();

  private final Map<String, Site> sites;
  private final SiteAnswers answers;
  private final HttpServer server;
  private final ExecutorService executor;
  private final ConcurrentLinkedQueue<Request> requests = new ConcurrentLinkedQueue<>();
  private final AtomicInteger recorded = new AtomicInteger();
  private final Consumer<Request> listener;
  private final AccessLog accessLog;
  private final Clock clock;

  private RepositoryServer(Builder b) throws IOException {
    this.sites = b.sites();
    ServingPolicy serving = b.serving == null ? RepositoryFormats.servingPolicy() : b.serving;
    this.answers = new SiteAnswers(serving);
    this.listener = b.listener;
    this.accessLog = b.accessLog;
    this.clock = b.clock;
    this.server = HttpServer.create(new InetSocketAddress(b.address, b.port), 0);
    AtomicInteger n = new AtomicInteger();
    this.executor =
        Executors.newFixedThreadPool(
            b.threads,
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

  /** A builder for a server of {@code storage} at the root, to choose the address, port... */
  public static Builder builder(Storage storage) {
    return new Builder(List.of(Site.root(storage)));
  }

  /**
   * A builder for a server of several sites, each under {@code /NAME/}.
   *
   * @throws IllegalArgumentException when there is none, a name is empty or names repeat
   */
  public static Builder builder(List<Site> sites) {
    if (sites.isEmpty()) {
      throw new IllegalArgumentException("no site to serve");
    }
    for (Site site : sites) {
      if (site.name().isEmpty()) {
        throw new IllegalArgumentException("a site among several needs a name");
      }
    }
    return new Builder(List.copyOf(sites));
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

  /** Stops listening at once and ends the worker threads; the storages stay open. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    SiteAnswers.Answer answer = new SiteAnswers.Answer(500, Optional.empty(), 0);
    Optional<Site> site = Optional.empty();
    try {
      String method = exchange.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        answer = SiteAnswers.sendEmpty(exchange, 405);
      } else {
        String path = exchange.getRequestURI().getPath();
        site = siteOf(path);
        answer =
            site.isEmpty()
                ? SiteAnswers.sendEmpty(exchange, 404)
                : answers.answer(exchange, site.get(), pathWithin(site.get(), path));
      }
    } catch (IOException | RuntimeException e) {
      // The client may have gone away; answer if headers were not sent yet, and record the 500.
      SiteAnswers.trySend(exchange, 500);
    } finally {
      record(exchange, answer, site);
      exchange.close();
    }
  }

  private void record(HttpExchange exchange, SiteAnswers.Answer answer, Optional<Site> site) {
    String accept = exchange.getRequestHeaders().getFirst("Accept");
    Request request =
        new Request(
            exchange.getRequestMethod(),
            exchange.getRequestURI().getPath(),
            accept == null ? "" : accept,
            answer.status());
    requests.add(request);
    if (recorded.incrementAndGet() > MAX_RECORDED) {
      requests.poll();
      recorded.decrementAndGet();
    }
    listener.accept(request);
    if (answer.key().isPresent() && site.isPresent()) {
      try {
        accessLog.record(
            new AccessRecord(
                answer.key().get(),
                site.get().name(),
                answer.status(),
                answer.bytes(),
                clock.instant()));
      } catch (RuntimeException e) {
        // the access log's trouble is not the client's: the answer was sent
      }
    }
  }

  private Optional<Site> siteOf(String path) {
    Site root = sites.get("");
    if (root != null || path == null) {
      return Optional.ofNullable(root);
    }
    int end = path.indexOf('/', 1);
    return end < 0 ? Optional.empty() : Optional.ofNullable(sites.get(path.substring(1, end)));
  }

  private static String pathWithin(Site site, String path) {
    return site.name().isEmpty() ? path : path.substring(site.name().length() + 1);
  }

  private static InetAddress loopback() {
    try {
      return InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException("127.0.0.1 rejected", e);
    }
  }

  /** Chooses where a {@link RepositoryServer} listens, how it answers and whom it tells. */
  public static final class Builder {
    private final List<Site> siteList;
    private InetAddress address = LOOPBACK;
    private int port;
    private int threads = 4;
    private Consumer<Request> listener = request -> {};
    private ServingPolicy serving;
    private Redirects rootRedirects;
    private AccessLog accessLog = AccessLog.NONE;
    private Clock clock = Clock.systemUTC();

    private Builder(List<Site> sites) {
      this.siteList = sites;
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

    /**
     * Answers some objects of the storage served at the root with redirects; see {@link
     * Redirects#presigned}. For a server of several sites, each {@link Site} carries its own.
     *
     * @throws IllegalStateException when the server serves several sites
     */
    public Builder redirects(Redirects redirects) {
      Objects.requireNonNull(redirects, "redirects");
      if (!siteList.get(0).name().isEmpty()) {
        throw new IllegalStateException("each of several sites carries its own redirects");
      }
      this.rootRedirects = redirects;
      return this;
    }

    /**
     * Reports each request for an object (key, site name as region, status, bytes, time) to {@code
     * accessLog}; default {@link AccessLog#NONE}.
     */
    public Builder accessLog(AccessLog accessLog) {
      this.accessLog = Objects.requireNonNull(accessLog, "accessLog");
      return this;
    }

    /** The clock access records are stamped with; default UTC system clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Binds and starts the server; throws {@link IOException} when it cannot bind. */
    public RepositoryServer start() throws IOException {
      return new RepositoryServer(this);
    }

    private Map<String, Site> sites() {
      Map<String, Site> byName = new LinkedHashMap<>();
      List<Site> all = new ArrayList<>(siteList);
      if (rootRedirects != null) {
        Site root = all.get(0);
        all.set(0, new Site("", root.storage(), rootRedirects));
      }
      for (Site site : all) {
        if (byName.put(site.name(), site) != null) {
          throw new IllegalArgumentException("two sites named '" + site.name() + "'");
        }
      }
      return Map.copyOf(byName);
    }
  }
}

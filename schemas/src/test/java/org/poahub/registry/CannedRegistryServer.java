package org.poahub.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A real HTTP server answering like a Confluent registry with canned responses, counting the calls. */
final class CannedRegistryServer implements AutoCloseable {

  record Response(int status, String body) {
  }

  record Request(String method, String path, Map<String, List<String>> headers, String body) {
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Map<String, Deque<Response>> responses = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  final List<Request> requests = new CopyOnWriteArrayList<>();
  /** Requests to a path answered by {@link #hang} wait for this latch. */
  final CountDownLatch release = new CountDownLatch(1);

  CannedRegistryServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Answers {@code "METHOD /path"} with these responses in turn, the last one repeating. */
  CannedRegistryServer on(String methodAndPath, int status, String body) {
    responses.computeIfAbsent(methodAndPath, k -> new ArrayDeque<>()).add(new Response(status, body));
    return this;
  }

  CannedRegistryServer hang(String methodAndPath) {
    return on(methodAndPath, -1, null);
  }

  int calls(String methodAndPath) {
    AtomicInteger count = calls.get(methodAndPath);
    return count == null ? 0 : count.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String key = exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath()
        + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    requests.add(new Request(exchange.getRequestMethod(), key, Map.copyOf(exchange.getRequestHeaders()), body));
    calls.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    Deque<Response> queue = responses.get(key);
    Response response;
    synchronized (this) {
      response = queue == null ? new Response(404, "{\"error_code\":404,\"message\":\"HTTP 404 Not Found\"}")
          : queue.size() > 1 ? queue.poll() : queue.peek();
    }
    if (response.status() < 0) {
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.close();
      return;
    }
    byte[] bytes = response.body() == null ? new byte[0] : response.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", RestSchemaRegistryClient.CONTENT_TYPE);
    exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}

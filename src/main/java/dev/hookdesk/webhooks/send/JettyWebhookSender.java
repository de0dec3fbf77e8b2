package dev.hookdesk.webhooks.send;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.SocketAddressResolver;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The {@link WebhookSender} over one shared Jetty {@link HttpClient}: a connection pool per
 * destination (scheme, host, port), connect and total timeouts, redirects not followed,
 * the egress guard applied by the resolver, bodies read up to 64 KiB, response headers up to
 * 16 KiB.
 */
public final class JettyWebhookSender implements WebhookSender, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(JettyWebhookSender.class);
  static final int MAX_BODY = 64 * 1024;

  private final EgressGuard guard;
  private final HttpClient client;
  // A client of its own for this node's receivers (the inspector): its resolver yields only
  // loopback addresses, and only requests the guard calls own receivers go through it, so a
  // pooled connection never carries any other request to loopback.
  private final HttpClient own;

  public JettyWebhookSender(EgressGuard guard, Optional<Path> trustedCerts, Duration connectTimeout,
      int maxConnectionsPerHost) {
    this.guard = Objects.requireNonNull(guard);
    this.client = client("hookdesk-sender", 64, new GuardedResolver(guard), trustedCerts,
        connectTimeout, maxConnectionsPerHost);
    this.own = client("hookdesk-sender-own", 8, new LoopbackResolver(), trustedCerts,
        connectTimeout, maxConnectionsPerHost);
  }

  private static HttpClient client(String name, int maxThreads, SocketAddressResolver resolver,
      Optional<Path> trustedCerts, Duration connectTimeout, int maxConnectionsPerHost) {
    ClientConnector connector = new ClientConnector();
    connector.setSslContextFactory(TrustedCerts.tls(trustedCerts));
    HttpClient client = new HttpClient(new HttpClientTransportOverHTTP(connector));
    QueuedThreadPool threads = new QueuedThreadPool(maxThreads, 2);
    threads.setName(name);
    threads.setDaemon(true);
    client.setExecutor(threads);
    client.setSocketAddressResolver(resolver);
    client.setFollowRedirects(false);
    client.setConnectTimeout(connectTimeout.toMillis());
    client.setIdleTimeout(60_000);
    client.setMaxConnectionsPerDestination(maxConnectionsPerHost);
    client.setMaxRequestsQueuedPerDestination(10_000);
    client.setUserAgentField(null);
    // LimitedResponse stops at 16 KiB as the headers arrive; this bounds a single huge line.
    client.setMaxResponseHeadersSize(2 * LimitedResponse.MAX_HEADER_BYTES);
    try {
      client.start();
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the webhook HTTP client", e);
    }
    return client;
  }

  @Override
  public CompletableFuture<AttemptResult> send(OutboundRequest request) {
    return send(request, () -> true);
  }

  @Override
  public CompletableFuture<AttemptResult> send(OutboundRequest request, BooleanSupplier stillWanted) {
    Objects.requireNonNull(request);
    CompletableFuture<AttemptResult> out = new CompletableFuture<>();
    long started = System.nanoTime();
    try {
      String contentType = "application/json; charset=utf-8";
      URI url = URI.create(request.url());
      var r = (guard.isOwnReceiver(url) ? own : client).newRequest(url)
          .method("POST")
          // A connection pool per URL, not per host: a hanging endpoint must not take the
          // connections of the other webhooks on the same host (isolation).
          .tag(request.url())
          .followRedirects(false)
          .timeout(request.timeout().toMillis(), TimeUnit.MILLISECONDS);
      for (Map.Entry<String, String> h : request.headers().entrySet()) {
        if (h.getKey().equalsIgnoreCase("content-type")) {
          contentType = h.getValue();
        } else {
          r.headers(m -> m.put(h.getKey(), h.getValue()));
        }
      }
      r.body(new BytesRequestContent(contentType, request.body()));
      r.onRequestBegin(begun -> {
        if (!stillWanted.getAsBoolean()) begun.abort(new Withdrawn());
      });
      r.send(new LimitedResponse(MAX_BODY, started, request.timeout(), out));
    } catch (RuntimeException e) {
      log.warn("cannot send a webhook request", e);
      out.complete(LimitedResponse.failure(started, "request: " + e.getMessage()));
    }
    return out;
  }

  /** Words a user can act on, by kind: egress, timeout, refused, dns, tls, io. */
  static String describe(Throwable t, Duration timeout) {
    Throwable root = t;
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      root = c;
      if (c instanceof Withdrawn) return WITHDRAWN;
      if (c instanceof GuardedResolver.EgressRefusedException) return "egress: " + c.getMessage();
      if (c instanceof TimeoutException) {
        return "timeout: no complete response within " + timeout.toMillis() + " ms";
      }
      if (c instanceof ConnectException) return "refused: " + message(c);
      if (c instanceof HttpException && message(c).contains("Header Bytes Too Large")) {
        return LimitedResponse.HEADERS_TOO_LARGE;
      }
      if (c instanceof UnknownHostException) return "dns: " + message(c) + " does not resolve";
      if (c instanceof SSLException || c instanceof java.security.cert.CertificateException) {
        return "tls: " + message(rootOf(c));
      }
    }
    return "io: " + message(root);
  }

  /** Why a request was aborted before it went out. */
  private static final class Withdrawn extends Exception {
    Withdrawn() {
      super(WITHDRAWN, null, false, false);
    }
  }

  private static Throwable rootOf(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null && c.getCause() != c) c = c.getCause();
    return c;
  }

  private static String message(Throwable t) {
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  @Override
  public void close() {
    for (HttpClient c : new HttpClient[] {client, own}) {
      try {
        c.stop();
      } catch (Exception ignored) {
        // shutting down; nothing left to deliver through this client
      }
    }
  }
}

package dev.hookdesk.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookdesk.core.DomainException;
import dev.hookdesk.core.Json;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import org.eclipse.jetty.ee10.servlet.FilterHolder;

/**
 * The HTTP server: Javalin on Jetty 12 with virtual threads, 1 MiB bodies, problem+json, and
 * request text that is clean UTF-8 (see {@link RequestText}, {@link EdgeFilter}).
 */
public final class HttpServer {
  public static final long MAX_BODY_BYTES = 1024 * 1024;

  private final Javalin javalin;
  private Router router;

  public HttpServer(ObjectMapper mapper, Authenticator authenticator, List<Routes> features) {
    this(mapper, authenticator, ClientAuthenticator.NONE, WriteGate.OPEN, features);
  }

  /**
   * {@code clients}: apps calling with their client credentials ({@link Access#CLIENT});
   * {@code gate}: asked before each API write (any method but GET) of a workspace.
   */
  public HttpServer(ObjectMapper mapper, Authenticator authenticator, ClientAuthenticator clients,
      WriteGate gate, List<Routes> features) {
    Objects.requireNonNull(gate);
    Objects.requireNonNull(mapper);
    Objects.requireNonNull(clients);
    Problems problems = new Problems(mapper);
    ObjectMapper requests = Json.forRequests(mapper);
    this.javalin = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      config.concurrency.useVirtualThreads = true;
      config.http.maxRequestSize = MAX_BODY_BYTES;
      config.router.ignoreTrailingSlashes = true;
      config.jsonMapper(new JavalinJackson(requests, true));
      config.jetty.modifyServer(server -> server.setErrorHandler(new JettyProblems(problems)));
      // Jetty's default (1,024) builds a trie of about 190 KB for each keep-alive connection at
      // its second request, kept while the connection lives: an open widget stream carried it.
      config.jetty.modifyHttpConfiguration(http -> http.setHeaderCacheSize(0));
      config.jetty.modifyServletContextHandler(handler -> handler.addFilter(
          new FilterHolder(new EdgeFilter()), "/*", EnumSet.of(DispatcherType.REQUEST)));
      var routes = config.routes;
      routes.before(RequestText::checkQuery);
      // HTML forms are posted to the console only; captures (/inspect/) keep any bytes sent.
      routes.before("/console/*", RequestText::checkForm);
      routes.before(Router.API + "/*", ctx -> {
        // Refuse large bodies before reading them; chunked ones hit maxRequestSize.
        long length = ctx.req().getContentLengthLong();
        if (length > MAX_BODY_BYTES) throw new HttpResponseException(413, "too large");
      });
      routes.exception(DomainException.class, problems::domain);
      routes.exception(HttpResponseException.class, problems::http);
      routes.exception(Exception.class, problems::unexpected);
      routes.error(404, "*", ctx -> {
        if (ctx.result() == null) problems.http(new HttpResponseException(404, "not found"), ctx);
      });
      routes.error(405, "*", ctx -> {
        if (ctx.result() == null) problems.http(new HttpResponseException(405, "not allowed"), ctx);
      });
      router = new Router(routes, authenticator, clients, requests, gate);
      features.forEach(f -> f.register(router));
    });
  }

  public HttpServer start(int port) {
    javalin.start(port);
    return this;
  }

  /** The routes registered under {@code /api/v1}, for the API's description and its tests. */
  public List<Route> routes() {
    return router.registered();
  }

  public int port() {
    return javalin.port();
  }

  public void stop() {
    javalin.stop();
  }
}

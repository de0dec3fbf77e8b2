package dev.hookdesk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

/** A small client for the HTTP API, as a user's script would call it. */
public final class Api {
  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();
  private static final ObjectMapper MAPPER = new ObjectMapper();
  /**
   * Every JSON answer from /api/v1 is checked against the node's OpenAPI document (SPEC §11);
   * a misfit fails the call. -Dhookdesk.api.contract=false turns the check off.
   */
  private static final boolean CHECK_CONTRACT =
      !"false".equals(System.getProperty("hookdesk.api.contract"));

  private final Supplier<String> base;
  private final String token;
  /** The Authorization header sent: {@code Bearer <token>}, or HTTP Basic client credentials. */
  private final String authorization;

  public Api(String base, String token) {
    this(() -> base, token);
  }

  /** A client whose base URL is looked up at each request (a node not started yet). */
  public Api(Supplier<String> base, String token) {
    this(base, token, token == null ? null : "Bearer " + token);
  }

  private Api(Supplier<String> base, String token, String authorization) {
    this.base = base;
    this.token = token;
    this.authorization = authorization;
  }

  public Api as(String otherToken) {
    return new Api(base, otherToken);
  }

  /** A client that authenticates with an app's client credentials (HTTP Basic), no token. */
  public Api asClient(String clientId, String clientSecret) {
    return new Api(base, null, "Basic " + java.util.Base64.getEncoder().encodeToString(
        (clientId + ":" + clientSecret).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  public String base() {
    return base.get();
  }

  public String token() {
    return token;
  }

  /** The answer: status, headers and the body parsed as JSON (or null when empty). */
  public record Res(int status, HttpHeaders headers, String text, JsonNode json) {
    public Res expect(int expected) {
      assertThat(status).as("HTTP status of a response with body %s", text).isEqualTo(expected);
      return this;
    }

    public JsonNode at(String pointer) {
      return json.at(pointer);
    }

    public String str(String pointer) {
      return json.at(pointer).asText();
    }

    /** Asserts a problem+json answer with this status naming this field. */
    public Res problem(int expected, String field) {
      expect(expected);
      assertThat(headers.firstValue("content-type").orElse("")).startsWith("application/problem+json");
      assertThat(json.get("status").asInt()).isEqualTo(expected);
      assertThat(json.get("detail").asText()).isNotBlank();
      if (field != null) {
        assertThat(json.get("errors").findValuesAsText("field")).as(text).contains(field);
      }
      return this;
    }
  }

  public Res get(String path) {
    return send("GET", path, null);
  }

  public Res post(String path, String json) {
    return send("POST", path, json);
  }

  public Res post(String path) {
    return send("POST", path, "");
  }

  /**
   * A POST as a well-behaved integration sends it: a {@code 503} with {@code Retry-After} (the
   * node refusing a write it cannot take soon, SPEC §2) is sent again after the time it asks
   * for, for up to 30 s. For tests that load a node on purpose and are not about the refusal.
   */
  public Res postRetrying(String path, String json) {
    long giveUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      Res r = post(path, json);
      var retryAfter = r.headers().firstValue("Retry-After");
      if (r.status() != 503 || retryAfter.isEmpty() || System.nanoTime() > giveUp) return r;
      try {
        Thread.sleep(Duration.ofSeconds(Long.parseLong(retryAfter.get())));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return r;
      }
    }
  }

  public Res put(String path, String json) {
    return send("PUT", path, json);
  }

  public Res patch(String path, String json) {
    return send("PATCH", path, json);
  }

  public Res delete(String path) {
    return send("DELETE", path, null);
  }

  /** Sends a request to {@code /api/v1 + path} (or to {@code path} when it starts with "/" and not "/api"). */
  public Res send(String method, String path, String json) {
    String url = path.startsWith("http") ? path
        : path.startsWith("/api/") || path.startsWith("/health") || path.startsWith("/metrics")
            || path.startsWith("/console") || path.startsWith("/inspect/")
            ? base.get() + path : base.get() + "/api/v1" + path;
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
    if (authorization != null) b.header("Authorization", authorization);
    if (json != null) {
      b.header("Content-Type", "application/json");
      b.method(method, HttpRequest.BodyPublishers.ofString(json));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    try {
      HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode node = r.body() == null || r.body().isBlank() ? null : parse(r.body());
      if (CHECK_CONTRACT && url.startsWith(base.get() + "/api/v1/")) {
        ApiContract.of(base.get(), CLIENT, MAPPER).mismatch(method, URI.create(url).getPath(), r.statusCode(),
            r.headers().firstValue("content-type").orElse(null), node).ifPresent(m -> {
              throw new AssertionError("The answer does not fit /api/v1/openapi.json: " + m
                  + "\nbody: " + r.body());
            });
      }
      return new Res(r.statusCode(), r.headers(), r.body(), node);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode parse(String body) {
    try {
      return MAPPER.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  /** JSON text from a Java object (maps, lists, strings). */
  public static String json(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}

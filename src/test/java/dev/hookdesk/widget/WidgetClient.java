package dev.hookdesk.widget;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookdesk.testing.Api;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A visitor's side of {@code /widget/v1}, as a browser on {@code origin} would call it. */
final class WidgetClient {
  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  final String base;
  final String origin;
  String token;
  String streamKey;
  String contactId;

  WidgetClient(String base, String origin) {
    this.base = base;
    this.origin = origin;
  }

  /** A new visitor session for the workspace's source; fails the test unless it is 201. */
  static WidgetClient visitor(String base, String origin, String workspaceId, String source) {
    WidgetClient c = new WidgetClient(base, origin);
    var r = c.post("/sessions", Map.of("workspace_id", workspaceId, "source", source,
        "name", "Vera Visitor", "email", "vera@example.com")).expect(201);
    c.token = r.str("/visitor_token");
    c.streamKey = r.str("/stream_key");
    c.contactId = r.str("/contact_id");
    return c;
  }

  Api.Res post(String path, Object body) {
    return send("POST", path, body == null ? "" : Api.json(body), Map.of());
  }

  Api.Res get(String path) {
    return send("GET", path, null, Map.of());
  }

  Api.Res send(String method, String path, String json, Map<String, String> headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/widget/v1" + path))
        .timeout(Duration.ofSeconds(30));
    if (origin != null) b.header("Origin", origin);
    if (token != null) b.header("Authorization", "Bearer " + token);
    headers.forEach(b::header);
    if (json != null) b.header("Content-Type", "application/json");
    b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    try {
      HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode node = null;
      try {
        node = r.body().isBlank() ? null : MAPPER.readTree(r.body());
      } catch (IOException ignored) {
        // not JSON
      }
      return new Api.Res(r.statusCode(), r.headers(), r.body(), node);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Opens the chat's stream with a real HTTP client; events arrive on {@link Stream#events}. */
  Stream stream(String chatId, String lastEventId) throws IOException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/widget/v1/chats/" + chatId
        + "/stream?key=" + streamKey)).header("Accept", "text/event-stream");
    if (origin != null) b.header("Origin", origin);
    if (lastEventId != null) b.header("Last-Event-ID", lastEventId);
    try {
      HttpResponse<java.io.InputStream> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
      return new Stream(r);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  record SseEvent(String id, String event, JsonNode data) {}

  /** Reads server-sent events on a thread of its own until closed. */
  static final class Stream implements AutoCloseable {
    final HttpResponse<java.io.InputStream> response;
    final BlockingQueue<SseEvent> events = new LinkedBlockingQueue<>();
    private final Thread reader;

    Stream(HttpResponse<java.io.InputStream> response) {
      this.response = response;
      this.reader = Thread.ofVirtual().start(this::read);
    }

    private void read() {
      try (var in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
        String id = null;
        String event = null;
        StringBuilder data = new StringBuilder();
        for (String line; (line = in.readLine()) != null; ) {
          if (line.isEmpty()) {
            if (data.length() > 0) events.add(new SseEvent(id, event, MAPPER.readTree(data.toString())));
            id = null;
            event = null;
            data.setLength(0);
          } else if (line.startsWith("id: ")) {
            id = line.substring(4);
          } else if (line.startsWith("event: ")) {
            event = line.substring(7);
          } else if (line.startsWith("data: ")) {
            data.append(line.substring(6));
          }
        }
      } catch (IOException ignored) {
        // closed
      }
    }

    /** The next {@code message} event within 10 s. */
    SseEvent nextMessage() throws InterruptedException {
      long deadline = System.currentTimeMillis() + 10_000;
      while (true) {
        SseEvent e = events.poll(Math.max(1, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
        if (e == null) throw new AssertionError("no message event within 10 s");
        if ("message".equals(e.event())) return e;
      }
    }

    @Override
    public void close() throws IOException {
      response.body().close();
      reader.interrupt();
    }
  }
}

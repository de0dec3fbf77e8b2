package dev.hookdesk.desk.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookdesk.testing.Api;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** An agent signed in to the chat console over plain HTTP: its forms, htmx posts and live stream. */
final class ChatDesk {
  static final String PASSWORD = "correct horse battery staple";
  private static final AtomicInteger n = new AtomicInteger();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  final DeskClient browser;
  final String agentId;
  final String email;

  private ChatDesk(DeskClient browser, String agentId, String email) {
    this.browser = browser;
    this.agentId = agentId;
    this.email = email;
  }

  /** A new human agent (online, room for 5 chats) who accepted an invitation and is signed in. */
  static ChatDesk agent(Api admin, String base, String name, String status) throws Exception {
    String email = "chat" + n.incrementAndGet() + "-" + System.nanoTime() + "@example.com";
    String id = admin.post("/agents", Api.json(Map.of("name", name, "email", email, "status", status,
        "max_chats", 5))).expect(201).str("/id");
    String invite = admin.post("/agents/" + id + "/invitation").expect(201).str("/invite_url");
    DeskClient b = new DeskClient(base);
    assertThat(b.choose(invite, PASSWORD).statusCode()).isEqualTo(303);
    assertThat(b.get("/desk/chats").statusCode()).isEqualTo(200); // the session's CSRF token
    return new ChatDesk(b, id, email);
  }

  /** The same agent signed in with their password in another browser: a session of its own. */
  ChatDesk signedInAgain() throws Exception {
    DeskClient other = new DeskClient(browser.base);
    assertThat(other.signIn(email, PASSWORD).statusCode()).isEqualTo(303);
    assertThat(other.get("/desk/chats").statusCode()).isEqualTo(200);
    return new ChatDesk(other, agentId, email);
  }

  /** An agent's browser signed in some other way (a second sign-in, say). */
  static ChatDesk of(DeskClient browser, String agentId) {
    return new ChatDesk(browser, agentId, null);
  }

  /** The same agent signed in on another node (sessions live in the shared database). */
  ChatDesk on(String base) {
    DeskClient other = new DeskClient(base);
    other.cookies.putAll(browser.cookies);
    other.csrf = browser.csrf;
    return new ChatDesk(other, agentId, email);
  }

  HttpResponse<String> get(String path) throws Exception {
    return browser.get(path);
  }

  /** A form posted by htmx: the session's CSRF token in the header, as desk/layout.jte sends it. */
  HttpResponse<String> hx(String path, Map<String, String> form) throws Exception {
    return browser.send(HttpRequest.newBuilder(URI.create(browser.base + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("HX-Request", "true").header("X-CSRF-Token", browser.csrf)
        .POST(HttpRequest.BodyPublishers.ofString(encode(form))));
  }

  /** The same post with no CSRF token at all. */
  HttpResponse<String> withoutCsrf(String path, Map<String, String> form) throws Exception {
    return browser.send(HttpRequest.newBuilder(URI.create(browser.base + path))
        .header("Content-Type", "application/x-www-form-urlencoded").header("HX-Request", "true")
        .POST(HttpRequest.BodyPublishers.ofString(encode(form))));
  }

  /** Where the page's stream starts: its {@code after} in {@code sse-connect}. */
  static String streamUrl(String page) {
    Matcher m = Pattern.compile("sse-connect=\"([^\"]+)\"").matcher(page);
    assertThat(m.find()).as("the page connects a stream").isTrue();
    return m.group(1).replace("&amp;", "&");
  }

  Stream stream(String path, String lastEventId) throws Exception {
    HttpResponse<InputStream> r = open(path, lastEventId);
    assertThat(r.statusCode()).isEqualTo(200);
    return new Stream(r);
  }

  /** What asking for a stream answers; a stream that opened is closed again at once. */
  int streamStatus(String path) throws Exception {
    HttpResponse<InputStream> r = open(path, null);
    r.body().close();
    return r.statusCode();
  }

  private HttpResponse<InputStream> open(String path, String lastEventId) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(browser.base + path))
        .header("Accept", "text/event-stream")
        .header("Cookie", browser.cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining("; ")));
    if (lastEventId != null) b.header("Last-Event-ID", lastEventId);
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
  }

  private static String encode(Map<String, String> form) {
    return form.entrySet().stream().map(e -> e.getKey() + "="
        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
  }

  record SseEvent(String id, String event, String data) {}

  /** Reads server-sent events on a thread of its own until closed. */
  static final class Stream implements AutoCloseable {
    final HttpResponse<InputStream> response;
    final BlockingQueue<SseEvent> events = new LinkedBlockingQueue<>();
    private volatile boolean ended;

    Stream(HttpResponse<InputStream> response) {
      this.response = response;
      Thread.ofVirtual().start(this::read);
    }

    private void read() {
      try (var in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
        String id = null;
        String event = null;
        StringBuilder data = null;
        for (String line; (line = in.readLine()) != null; ) {
          if (line.isEmpty()) {
            if (data != null) events.add(new SseEvent(id, event, data.toString()));
            id = null;
            event = null;
            data = null;
          } else if (line.startsWith("id: ")) {
            id = line.substring(4);
          } else if (line.startsWith("event: ")) {
            event = line.substring(7);
          } else if (line.startsWith("data: ")) {
            data = data == null ? new StringBuilder() : data.append('\n');
            data.append(line.substring(6));
          }
        }
      } catch (IOException ignored) {
        // closed
      } finally {
        ended = true;
      }
    }

    /** Whether the server ended the stream (or it was closed here). */
    boolean ended() {
      return ended;
    }

    /** The next event named {@code name} within 10 s. */
    SseEvent next(String name) throws InterruptedException {
      long deadline = System.currentTimeMillis() + 10_000;
      while (true) {
        SseEvent e = events.poll(Math.max(1, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
        if (e == null) throw new AssertionError("no " + name + " event within 10 s");
        if (name.equals(e.event())) return e;
      }
    }

    /** Whether an event named {@code name} comes within {@code millis}. */
    boolean any(String name, long millis) throws InterruptedException {
      long deadline = System.currentTimeMillis() + millis;
      while (System.currentTimeMillis() < deadline) {
        SseEvent e = events.poll(Math.max(1, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
        if (e != null && name.equals(e.event())) return true;
      }
      return false;
    }

    @Override
    public void close() throws IOException {
      response.body().close();
    }
  }
}

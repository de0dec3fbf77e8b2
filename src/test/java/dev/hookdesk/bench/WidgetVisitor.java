package dev.hookdesk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * One widget visitor from an address of its own (127.1.x.y, as visitors come from their own
 * addresses; the widget's per-address limits stay as they are), as widget.js in a browser:
 * {@code POST /widget/v1/sessions} and {@code POST /widget/v1/chats} on one keep-alive socket,
 * which then carries the chat's live stream (an EventSource), read by a virtual thread; its
 * messages go through {@code POST /widget/v1/chats/{id}/messages} on a second socket (a fetch
 * beside the open stream).
 */
final class WidgetVisitor implements AutoCloseable {
  /** Visitors with an address each: 127.1.0.1 to 127.1.255.250. */
  static final int MAX = 256 * 250;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int SETUP_RETRIES = 5;
  private static final Pattern CREATED_AT = Pattern.compile("\"created_at\":\"([^\"]+)\"");

  final int index;
  private final int port;
  private final String origin;
  private final Connection stream;
  private Connection posts;
  private String token;
  private String streamKey;
  private String streamAfter;
  private boolean chunked;
  String chatId;
  /** This visitor's side of the chat and its agent's; set once the chat is routed. */
  Talker visitor;
  Talker agent;
  private volatile String ended;

  private record Connection(Socket socket, InputStream in, OutputStream out) {}

  WidgetVisitor(int index, int port, String origin) throws IOException {
    this.index = index;
    this.port = port;
    this.origin = origin;
    this.stream = connect(index, port);
  }

  private static Connection connect(int index, int port) throws IOException {
    Socket socket = new Socket();
    socket.bind(new InetSocketAddress(address(index), 0));
    socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    socket.setTcpNoDelay(true);
    return new Connection(socket, new BufferedInputStream(socket.getInputStream(), 8192), socket.getOutputStream());
  }

  private static InetAddress address(int index) throws UnknownHostException {
    return InetAddress.getByAddress(new byte[] {127, 1, (byte) (index / 250), (byte) (1 + index % 250)});
  }

  /** The session and the chat; returns the chat's id. */
  String start(String workspaceId, String source) throws IOException {
    JsonNode session = send(stream, "POST", "/widget/v1/sessions", "{\"workspace_id\":\"" + workspaceId
        + "\",\"source\":\"" + source + "\",\"name\":\"Visitor " + index + "\"}", 201);
    token = session.path("visitor_token").asText();
    streamKey = session.path("stream_key").asText();
    JsonNode chat = send(stream, "POST", "/widget/v1/chats", "{}", 201);
    chatId = chat.path("chat").path("id").asText();
    streamAfter = chat.path("stream_after").asText();
    return chatId;
  }

  void routedTo(String agentId) {
    visitor = new Talker(agentId);
    agent = new Talker(agentId);
  }

  /** Opens the chat's stream as the widget's EventSource does (stream key and {@code after} in the URL). */
  void openStream() throws IOException {
    chunked = EventStream.open(stream.in(), stream.out(), port, "/widget/v1/chats/" + chatId + "/stream?key="
        + streamKey + "&after=" + streamAfter, "origin: " + origin + "\r\n");
  }

  /** Reads the stream until it ends; the agent's messages go to {@code fromAgent}. */
  void read(Direction fromAgent) {
    try {
      EventStream.read(stream.in(), chunked, (event, data) -> {
        if (event.equals("message")) fromAgent.arrived(data, CREATED_AT, agent);
      });
      ended = "the node ended the stream";
    } catch (IOException e) {
      if (!stream.socket().isClosed()) ended = e.toString();
    }
  }

  /** Why the stream ended before the visitor closed it, or null. */
  String ended() {
    return ended;
  }

  /** Posts a message as widget.js does; the caller holds {@link #visitor}'s lock, so one at a time. */
  Http1.Message say(String text) {
    try {
      if (posts == null) posts = connect(index, port);
      return exchange(posts, "POST", "/widget/v1/chats/" + chatId + "/messages",
          "{\"text\":\"" + text + "\"}");
    } catch (IOException e) {
      close(posts);
      posts = null;
      throw new UncheckedIOException(e);
    }
  }

  /** A setup request; a 503 (the workspace's line of writers is full, nothing was written) is tried again after its Retry-After. */
  private JsonNode send(Connection c, String method, String path, String json, int expected) throws IOException {
    Http1.Message answer = exchange(c, method, path, json);
    for (int retries = 0; retries < SETUP_RETRIES && answer.startLine().contains(" 503 "); retries++) {
      try {
        Thread.sleep(1000L * Long.parseLong(answer.headers().getOrDefault("retry-after", "1")));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
      answer = exchange(c, method, path, json);
    }
    String text = new String(answer.body(), StandardCharsets.UTF_8);
    if (!answer.startLine().contains(" " + expected + " ")) {
      throw new IOException(method + " " + path + " answered " + answer.startLine() + ": " + text);
    }
    return JSON.readTree(text);
  }

  private Http1.Message exchange(Connection c, String method, String path, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    c.out().write(Http1.ascii(method + " " + path + " HTTP/1.1\r\nhost: 127.0.0.1:" + port + "\r\norigin: "
        + origin + (token == null ? "" : "\r\nauthorization: Bearer " + token)
        + "\r\ncontent-type: application/json\r\ncontent-length: " + body.length + "\r\n\r\n"));
    c.out().write(body);
    c.out().flush();
    Http1.Message answer = Http1.read(c.in());
    if (answer == null) throw new IOException("the node closed the connection");
    return answer;
  }

  private static void close(Connection c) {
    if (c == null) return;
    try {
      c.socket().close();
    } catch (IOException e) {
      // already gone
    }
  }

  @Override
  public void close() {
    close(stream);
    close(posts);
  }
}

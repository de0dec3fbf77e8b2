package dev.hookdesk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.BitSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One widget visitor on one keep-alive socket from an address of its own (127.1.x.y, as
 * visitors come from their own addresses; the widget's per-address limits stay as they are):
 * {@code POST /widget/v1/sessions}, {@code POST /widget/v1/chats}, then the chat's live stream
 * read on the same connection by a virtual thread. Agents' messages carry
 * {@code "bench <n> <nanoTime when posted>"}; each one is checked in once, in order.
 */
final class WidgetVisitor implements AutoCloseable {
  /** Visitors with an address each: 127.1.0.1 to 127.1.255.250. */
  static final int MAX = 256 * 250;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern BENCH_TEXT = Pattern.compile("\"text\":\"bench (\\d+) (\\d+)\"");
  private static final Pattern CREATED_AT = Pattern.compile("\"created_at\":\"([^\"]+)\"");

  final int index;
  private final int port;
  private final String origin;
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private String token;
  private String streamKey;
  private String streamAfter;
  private boolean chunked;
  String chatId;
  String agentId;

  /** Held while one of the chat's messages is being posted: one at a time per chat, so order is defined. */
  final ReentrantLock posting = new ReentrantLock();
  int posted; // under posting

  private final BitSet seen = new BitSet();
  private int highest;
  private int duplicated;
  private int outOfOrder;
  private volatile String ended;

  WidgetVisitor(int index, int port, String origin) throws IOException {
    this.index = index;
    this.port = port;
    this.origin = origin;
    socket = new Socket();
    socket.bind(new InetSocketAddress(address(index), 0));
    socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    socket.setTcpNoDelay(true);
    in = new BufferedInputStream(socket.getInputStream(), 8192);
    out = socket.getOutputStream();
  }

  private static InetAddress address(int index) throws UnknownHostException {
    return InetAddress.getByAddress(new byte[] {127, 1, (byte) (index / 250), (byte) (1 + index % 250)});
  }

  /** The session and the chat; returns the chat's id. */
  String start(String workspaceId, String source) throws IOException {
    JsonNode session = send("POST", "/widget/v1/sessions", "{\"workspace_id\":\"" + workspaceId
        + "\",\"source\":\"" + source + "\",\"name\":\"Visitor " + index + "\"}", 201);
    token = session.path("visitor_token").asText();
    streamKey = session.path("stream_key").asText();
    JsonNode chat = send("POST", "/widget/v1/chats", "{}", 201);
    chatId = chat.path("chat").path("id").asText();
    streamAfter = chat.path("stream_after").asText();
    return chatId;
  }

  /** Opens the chat's stream as the widget's EventSource does (stream key and {@code after} in the URL). */
  void openStream() throws IOException {
    out.write(Http1.ascii("GET /widget/v1/chats/" + chatId + "/stream?key=" + streamKey + "&after="
        + streamAfter + " HTTP/1.1\r\nhost: 127.0.0.1:" + port + "\r\norigin: " + origin
        + "\r\naccept: text/event-stream\r\n\r\n"));
    out.flush();
    Http1.Message head = Http1.head(in);
    if (head == null) throw new IOException("the node closed the connection");
    if (!head.startLine().contains(" 200 ")
        || !head.headers().getOrDefault("content-type", "").startsWith("text/event-stream")) {
      throw new IOException("the stream answered " + head.startLine() + " " + head.headers());
    }
    chunked = "chunked".equalsIgnoreCase(head.headers().get("transfer-encoding"));
  }

  /** Reads the stream until it ends; each agent message's latencies go to the histograms. */
  void read(Histogram commitToStream, Histogram postToStream) {
    try {
      // small buffers, and no JSON parser: Jackson keeps its buffers per thread, and 1,000 reader
      // threads' worth would be counted in the heap the scenario reports for the node
      InputStream body = chunked ? Http1.chunks(in) : in;
      BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8), 1024);
      String event = null;
      StringBuilder data = new StringBuilder();
      for (String l = lines.readLine(); l != null; l = lines.readLine()) {
        if (l.isEmpty()) {
          if ("message".equals(event)) arrived(data.toString(), commitToStream, postToStream);
          event = null;
          data.setLength(0);
        } else if (l.startsWith("event:")) {
          event = l.substring(6).trim();
        } else if (l.startsWith("data:")) {
          data.append(l.substring(5).trim());
        }
      }
      ended = "the node ended the stream";
    } catch (IOException e) {
      if (!socket.isClosed()) ended = e.toString();
    }
  }

  private void arrived(String message, Histogram commitToStream, Histogram postToStream) {
    long nanos = System.nanoTime();
    Instant now = Instant.now();
    Matcher bench = BENCH_TEXT.matcher(message);
    if (!bench.find()) return;
    int n = Integer.parseInt(bench.group(1));
    postToStream.record((nanos - Long.parseLong(bench.group(2))) / 1000);
    Matcher created = CREATED_AT.matcher(message);
    if (created.find()) commitToStream.record(micros(now) - micros(Instant.parse(created.group(1))));
    synchronized (this) {
      if (seen.get(n)) {
        duplicated++;
      } else {
        if (n < highest) outOfOrder++;
        seen.set(n);
        highest = Math.max(highest, n);
      }
    }
  }

  private static long micros(Instant t) {
    return t.getEpochSecond() * 1_000_000L + t.getNano() / 1000;
  }

  synchronized int received() {
    return seen.cardinality();
  }

  synchronized int duplicated() {
    return duplicated;
  }

  synchronized int outOfOrder() {
    return outOfOrder;
  }

  /** Why the stream ended before the visitor closed it, or null. */
  String ended() {
    return ended;
  }

  private JsonNode send(String method, String path, String json, int expected) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    out.write(Http1.ascii(method + " " + path + " HTTP/1.1\r\nhost: 127.0.0.1:" + port + "\r\norigin: "
        + origin + (token == null ? "" : "\r\nauthorization: Bearer " + token)
        + "\r\ncontent-type: application/json\r\ncontent-length: " + body.length + "\r\n\r\n"));
    out.write(body);
    out.flush();
    Http1.Message answer = Http1.read(in);
    if (answer == null) throw new IOException("the node closed the connection");
    String text = new String(answer.body(), StandardCharsets.UTF_8);
    if (!answer.startLine().contains(" " + expected + " ")) {
      throw new IOException(method + " " + path + " answered " + answer.startLine() + ": " + text);
    }
    return JSON.readTree(text);
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // already gone
    }
  }
}

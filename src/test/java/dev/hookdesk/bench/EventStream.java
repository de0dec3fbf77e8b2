package dev.hookdesk.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;

/**
 * A server-sent event stream read from a socket as an EventSource does, with small buffers and
 * no JSON parser: Jackson keeps its buffers per thread, and a thousand readers' worth would be
 * counted in the heap the scenarios report for the node.
 */
final class EventStream {
  private EventStream() {}

  /**
   * Asks for the stream at {@code path} on an open connection ({@code headers}: extra header
   * lines, each ending in CRLF); returns whether its body is chunked. Fails unless it answers
   * 200 with {@code text/event-stream}.
   */
  static boolean open(InputStream in, OutputStream out, int port, String path, String headers) throws IOException {
    out.write(Http1.ascii("GET " + path + " HTTP/1.1\r\nhost: 127.0.0.1:" + port + "\r\n" + headers
        + "accept: text/event-stream\r\n\r\n"));
    out.flush();
    Http1.Message head = Http1.head(in);
    if (head == null) throw new IOException("the node closed the connection");
    if (!head.startLine().contains(" 200 ")
        || !head.headers().getOrDefault("content-type", "").startsWith("text/event-stream")) {
      throw new IOException(path + " answered " + head.startLine() + " " + head.headers());
    }
    return "chunked".equalsIgnoreCase(head.headers().get("transfer-encoding"));
  }

  /** Each event's name ({@code message} when it has none) and data (its lines joined by newlines), until the stream ends. */
  static void read(InputStream in, boolean chunked, BiConsumer<String, String> onEvent) throws IOException {
    InputStream body = chunked ? Http1.chunks(in) : in;
    BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8), 1024);
    String event = null;
    StringBuilder data = new StringBuilder();
    for (String l = lines.readLine(); l != null; l = lines.readLine()) {
      if (l.isEmpty()) {
        if (!data.isEmpty()) onEvent.accept(event == null ? "message" : event, data.toString());
        event = null;
        data.setLength(0);
      } else if (l.startsWith("event:")) {
        event = l.substring(6).trim();
      } else if (l.startsWith("data:")) {
        if (!data.isEmpty()) data.append('\n');
        data.append(l.substring(l.startsWith("data: ") ? 6 : 5));
      }
    }
  }
}

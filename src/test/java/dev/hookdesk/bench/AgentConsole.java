package dev.hookdesk.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One browser tab of an agent's chat console with one chat open, on a socket of its own: the
 * page {@code /desk/chats/{id}} with the session cookie, then the live stream the page names
 * ({@code sse-connect}, as htmx's SSE extension opens it), read by a virtual thread. The visitor's
 * messages arrive as the HTML of a conversation line.
 */
final class AgentConsole implements AutoCloseable {
  private static final Pattern STREAM = Pattern.compile("sse-connect=\"([^\"]+)\"");
  private static final Pattern CREATED_AT = Pattern.compile("datetime=\"([^\"]+)\"");

  private final Socket socket;
  private final InputStream in;
  private final boolean chunked;
  private volatile String ended;

  AgentConsole(int port, String cookie, String chatId) throws IOException {
    socket = new Socket(InetAddress.getLoopbackAddress(), port);
    socket.setTcpNoDelay(true);
    in = new BufferedInputStream(socket.getInputStream(), 8192);
    OutputStream out = socket.getOutputStream();
    String headers = "cookie: " + cookie + "\r\n";
    out.write(Http1.ascii("GET /desk/chats/" + chatId + " HTTP/1.1\r\nhost: 127.0.0.1:" + port + "\r\n"
        + headers + "accept: text/html\r\n\r\n"));
    out.flush();
    Http1.Message page = Http1.read(in);
    if (page == null || !page.startLine().contains(" 200 ")) {
      throw new IOException("/desk/chats/" + chatId + " answered " + (page == null ? "nothing" : page.startLine()));
    }
    Matcher stream = STREAM.matcher(new String(page.body(), StandardCharsets.UTF_8));
    if (!stream.find()) throw new IOException("/desk/chats/" + chatId + " names no live stream");
    chunked = EventStream.open(in, out, port, stream.group(1).replace("&amp;", "&"), headers);
  }

  /** Reads the stream until it ends; the visitor's messages go to {@code fromVisitor}. */
  void read(Direction fromVisitor, Talker visitor) {
    try {
      EventStream.read(in, chunked, (event, data) -> {
        if (event.equals("message")) fromVisitor.arrived(data, CREATED_AT, visitor);
      });
      ended = "the node ended the stream";
    } catch (IOException e) {
      if (!socket.isClosed()) ended = e.toString();
    }
  }

  /** Why the stream ended before the bench closed it, or null. */
  String ended() {
    return ended;
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

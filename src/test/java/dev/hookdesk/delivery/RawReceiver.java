package dev.hookdesk.delivery;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A hostile receiver on loopback that answers with whatever bytes the test writes: bodies no
 * HTTP server library would send (NUL, invalid UTF-8) and header sections of any size.
 */
final class RawReceiver implements AutoCloseable {
  interface Writer {
    void write(OutputStream out) throws IOException;
  }

  record Request(Map<String, String> headers, byte[] body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private final ServerSocket server;
  private final Writer answer;
  final List<Request> requests = new CopyOnWriteArrayList<>();

  RawReceiver(Writer answer) throws IOException {
    this.answer = answer;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofVirtual().start(this::accept);
  }

  /** Answers 200 with this body. */
  static RawReceiver answering(byte[] body) throws IOException {
    return new RawReceiver(out -> {
      out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.write(body);
    });
  }

  String url() {
    return "http://127.0.0.1:" + server.getLocalPort() + "/hook";
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        Thread.ofVirtual().start(() -> serve(s));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket s) {
    try (s) {
      InputStream in = new BufferedInputStream(s.getInputStream());
      Map<String, String> headers = new TreeMap<>();
      String line;
      readLine(in);
      while (!(line = readLine(in)).isEmpty()) {
        int colon = line.indexOf(':');
        headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
      }
      byte[] body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
      requests.add(new Request(headers, body));
      OutputStream out = s.getOutputStream();
      answer.write(out);
      out.flush();
    } catch (IOException e) {
      // the client hung up (as it should on a header bomb)
    }
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1 && b != '\n') {
      if (b != '\r') line.write(b);
    }
    return line.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}

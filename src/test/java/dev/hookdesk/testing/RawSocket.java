package dev.hookdesk.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The transport of {@link Receiver#raw}: each request read as HTTP/1.1 on a socket of its own
 * and answered with whatever bytes the test writes, then the connection closed.
 */
final class RawSocket implements AutoCloseable {
  interface Served {
    void request(String path, Map<String, String> headers, byte[] body);
  }

  private final ServerSocket server;
  private final Receiver.RawAnswer answer;
  private final Served served;

  RawSocket(Receiver.RawAnswer answer, Served served) throws IOException {
    this.answer = answer;
    this.served = served;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofVirtual().start(this::accept);
  }

  int port() {
    return server.getLocalPort();
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
      String[] requestLine = readLine(in).split(" ");
      String path = requestLine.length > 1 ? requestLine[1].split("\\?")[0] : "/";
      Map<String, String> headers = new TreeMap<>();
      String line;
      while (!(line = readLine(in)).isEmpty()) {
        int colon = line.indexOf(':');
        headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
      }
      byte[] body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
      served.request(path, headers, body);
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

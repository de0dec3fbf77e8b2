package dev.hookdesk.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The load generator's HTTP client: keep-alive HTTP/1.1 connections to the node, one per
 * concurrent caller, reused ({@link Http1}); with a bearer token (the API) or a session cookie
 * (the desk's pages, as a browser asks for them).
 */
final class LoadClient implements AutoCloseable {
  private final int port;
  private final String credentials;
  private final ConcurrentLinkedQueue<Connection> idle = new ConcurrentLinkedQueue<>();

  private record Connection(Socket socket, InputStream in, OutputStream out) {}

  /** {@code credentials}: a header line without its CRLF, or empty. */
  private LoadClient(int port, String credentials) {
    this.port = port;
    this.credentials = credentials;
  }

  static LoadClient withToken(int port, String token) {
    return new LoadClient(port, "authorization: Bearer " + token);
  }

  /** A client that sends the desk's cookies instead of a token (empty: no credentials). */
  static LoadClient withCookie(int port, String cookie) {
    return new LoadClient(port, cookie.isEmpty() ? "" : "cookie: " + cookie);
  }

  /** POSTs a JSON body; returns the answer's status code. */
  int post(String path, String json) {
    return Integer.parseInt(exchange(path, json).startLine().split(" ")[1]);
  }

  /** POSTs a JSON body; returns the whole answer. */
  Http1.Message exchange(String path, String json) {
    return exchange("POST", path, json);
  }

  /** GETs a resource; returns the whole answer. */
  Http1.Message get(String path) {
    return exchange("GET", path, "");
  }

  private Http1.Message exchange(String method, String path, String json) {
    return exchange(method, path, "application/json", "", json);
  }

  /** Any request; {@code headers} are extra header lines, each ending in CRLF. */
  Http1.Message exchange(String method, String path, String contentType, String headers, String text) {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    byte[] head = Http1.ascii(method + " " + path + " HTTP/1.1\r\nhost: 127.0.0.1:" + port
        + (credentials.isEmpty() ? "" : "\r\n" + credentials) + "\r\ncontent-type: " + contentType
        + "\r\ncontent-length: " + body.length + "\r\n" + headers + "\r\n");
    Connection reused = idle.poll();
    if (reused != null) {
      try {
        Http1.Message answer = send(reused, head, body);
        if (answer != null) return answer;
      } catch (IOException e) {
        // as below: try once more on a new connection
      }
      // the node closed the idle connection (Jetty's idle timeout) before reading the request,
      // which it then never saw: send it again on a new one, as HTTP clients do
      close(reused);
    }
    Connection c = null;
    try {
      c = open();
      Http1.Message answer = send(c, head, body);
      if (answer == null) throw new IOException("the node closed the connection");
      return answer;
    } catch (IOException e) {
      if (c != null) close(c);
      throw new UncheckedIOException(e);
    }
  }

  /** The answer, or null when the node closed the connection before answering; keeps the connection when answered. */
  private Http1.Message send(Connection c, byte[] head, byte[] body) throws IOException {
    c.out().write(head);
    c.out().write(body);
    c.out().flush();
    Http1.Message answer = Http1.read(c.in());
    if (answer != null) idle.add(c);
    return answer;
  }

  private Connection open() throws IOException {
    Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
    s.setTcpNoDelay(true);
    return new Connection(s, new BufferedInputStream(s.getInputStream(), 8192), s.getOutputStream());
  }

  private static void close(Connection c) {
    try {
      c.socket().close();
    } catch (IOException e) {
      // already gone
    }
  }

  @Override
  public void close() {
    for (Connection c = idle.poll(); c != null; c = idle.poll()) close(c);
  }
}

package dev.hookdesk.bench;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Just enough HTTP/1.1 over a socket for the bench's load generator and receiver: a message
 * head (start line and headers, names lower-cased) and a body by Content-Length or chunked.
 * The JDK's HttpServer and HttpClient took a third of the machine in the bench, which left
 * that much less for the node being measured.
 */
final class Http1 {
  private Http1() {}

  record Message(String startLine, Map<String, String> headers, byte[] body) {}

  /** Reads one message, or returns null when the peer closed the connection between messages. */
  static Message read(InputStream in) throws IOException {
    Message head = head(in);
    if (head == null) return null;
    Map<String, String> headers = head.headers();
    byte[] body;
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = chunked(in);
    } else {
      String length = headers.get("content-length");
      body = length == null ? new byte[0] : in.readNBytes(Integer.parseInt(length));
    }
    return new Message(head.startLine(), headers, body);
  }

  /** Reads a message's head only (its body is empty), or null when the peer closed first. */
  static Message head(InputStream in) throws IOException {
    String start = line(in);
    if (start == null) return null;
    Map<String, String> headers = new HashMap<>();
    for (String l = line(in); l != null && !l.isEmpty(); l = line(in)) {
      int colon = l.indexOf(':');
      // a repeated header (Set-Cookie) keeps every value, one a line
      if (colon > 0) headers.merge(l.substring(0, colon).trim().toLowerCase(), l.substring(colon + 1).trim(),
          (a, b) -> a + "\n" + b);
    }
    return new Message(start, headers, new byte[0]);
  }

  /** A chunked body as it arrives (a stream that never ends, like server-sent events); -1 after the last chunk. */
  static InputStream chunks(InputStream in) {
    return new InputStream() {
      private int left;
      private boolean done;

      @Override
      public int read() throws IOException {
        if (!next()) return -1;
        left--;
        return in.read();
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) return 0;
        if (!next()) return -1;
        int n = in.read(b, off, Math.min(len, left));
        if (n < 0) throw new EOFException("connection closed inside a chunk");
        left -= n;
        return n;
      }

      private boolean next() throws IOException {
        while (left == 0 && !done) {
          String size = line(in);
          if (size == null) throw new EOFException("connection closed between chunks");
          if (size.isEmpty()) continue; // the CRLF that ends the previous chunk
          left = Integer.parseInt(size.split(";")[0].trim(), 16);
          done = left == 0;
        }
        return !done;
      }
    };
  }

  private static byte[] chunked(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while (true) {
      String size = line(in);
      if (size == null) throw new EOFException("connection closed inside a chunked body");
      int n = Integer.parseInt(size.split(";")[0].trim(), 16);
      if (n == 0) {
        while (true) {
          String trailer = line(in);
          if (trailer == null || trailer.isEmpty()) return out.toByteArray();
        }
      }
      out.write(in.readNBytes(n));
      line(in);
    }
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder sb = new StringBuilder(64);
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        int len = sb.length();
        if (len > 0 && sb.charAt(len - 1) == '\r') sb.setLength(len - 1);
        return sb.toString();
      }
      sb.append((char) c);
    }
    if (sb.length() == 0) return null;
    throw new EOFException("connection closed inside a line");
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }
}

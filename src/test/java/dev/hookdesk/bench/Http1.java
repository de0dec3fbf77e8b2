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
    String start = line(in);
    if (start == null) return null;
    Map<String, String> headers = new HashMap<>();
    for (String l = line(in); l != null && !l.isEmpty(); l = line(in)) {
      int colon = l.indexOf(':');
      if (colon > 0) headers.put(l.substring(0, colon).trim().toLowerCase(), l.substring(colon + 1).trim());
    }
    byte[] body;
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = chunked(in);
    } else {
      String length = headers.get("content-length");
      body = length == null ? new byte[0] : in.readNBytes(Integer.parseInt(length));
    }
    return new Message(start, headers, body);
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

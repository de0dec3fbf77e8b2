package dev.hookdesk.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.TestNode;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A request that finds no free database connection is told to come back (503 problem+json with
 * Retry-After), soon, and nothing of it is written: an overloaded node, not a broken one. Its
 * client keeps the connection to retry on.
 */
@DbTest
class NoConnectionTest {
  @RegisterExtension
  static final TestNode node = TestNode.perClass();
  static final Api api = node.admin();

  @Test
  void aRequestThatFindsNoConnectionIsAnswered503WithRetryAfterAndWritesNothing() throws Exception {
    api.post("/contacts", Api.json(Map.of("name", "Before"))).expect(201);
    long took;
    Api.Res r;
    try (TestNode.Held held = node.holdRequestConnections()) {
      long t0 = System.nanoTime();
      r = api.post("/contacts", Api.json(Map.of("name", "Refused")));
      took = (System.nanoTime() - t0) / 1_000_000;
    }
    r.problem(503, null);
    assertThat(r.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(r.str("/detail")).contains("retry in 1 s");
    assertThat(took).as("ms waited for a connection").isLessThan(5_000);

    assertThat(api.get("/contacts?limit=100").expect(200).at("/data").findValuesAsText("name"))
        .contains("Before").doesNotContain("Refused");
    // connections are back: the same request succeeds
    api.post("/contacts", Api.json(Map.of("name", "After"))).expect(201);
  }

  @Test
  void theRefusedClientKeepsItsConnectionForTheRetry() throws Exception {
    byte[] body = Api.json(Map.of("name", "Slow to send")).getBytes(StandardCharsets.UTF_8);
    try (Socket socket = new Socket("127.0.0.1", node.node().port())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      InputStream in = new BufferedInputStream(socket.getInputStream());
      try (TestNode.Held held = node.holdRequestConnections()) {
        out.write(("POST /api/v1/contacts HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
            + TestNode.OWNER_TOKEN + "\r\nContent-Type: application/json\r\nContent-Length: "
            + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body, 0, 4);
        out.flush();
        // the rest of the body arrives after the request was refused for want of a connection
        Thread.sleep(2_000);
        out.write(body, 4, body.length - 4);
        out.flush();
        assertThat(readAnswer(in)).startsWith("HTTP/1.1 503");
      }
      out.write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      assertThat(readAnswer(in)).as("the next request on the same connection").startsWith("HTTP/1.1 200");
    }
  }

  /** Reads one HTTP/1.1 answer with a Content-Length body; returns its status line. */
  private static String readAnswer(InputStream in) throws IOException {
    String status = readLine(in);
    int length = 0;
    for (String h; !(h = readLine(in)).isEmpty(); ) {
      if (h.toLowerCase(Locale.ROOT).startsWith("content-length:")) length = Integer.parseInt(h.substring(15).trim());
    }
    in.readNBytes(length);
    return status;
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int b; (b = in.read()) != '\n'; ) {
      if (b == -1) throw new EOFException("the node closed the connection");
      if (b != '\r') line.append((char) b);
    }
    return line.toString();
  }
}

package dev.hookdesk.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.TestNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Overlong UTF-8 ({@code C0 AF} for "/") and other malformed bytes are refused, not decoded or
 * replaced, in bodies (JSON and forms) and in URLs, so no filter upstream sees other text than we do.
 */
@DbTest
class MalformedUtf8Test {
  @RegisterExtension
  static final TestNode node = TestNode.perClass();

  private final Api api = node.admin();

  @Test
  void anOverlongSlashInAJsonBodyIsRefused() throws Exception {
    int before = tokens();
    for (byte[] bad : new byte[][] {{(byte) 0xC0, (byte) 0xAF}, {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},
        {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82}}) {
      var r = RawRequest.json(api, "POST", "/tokens", body("{\"role\":\"agent\",\"name\":\"a", bad, "b\"}"))
          .problem(400, "body");
      assertThat(r.str("/detail")).contains("not valid UTF-8");
    }
    assertThat(tokens()).isEqualTo(before);
    // well-formed multi-byte text still goes through
    RawRequest.json(api, "POST", "/tokens",
        "{\"role\":\"agent\",\"name\":\"Zoë – 東京 😀\"}".getBytes(StandardCharsets.UTF_8)).expect(201);
  }

  @Test
  void anOverlongSlashInAFormBodyIsRefused() throws Exception {
    var raw = RawRequest.send("POST", node.baseUrl() + "/console/signin", null,
        Map.of("Content-Type", "application/x-www-form-urlencoded"), body("token=a", new byte[] {(byte) 0xC0,
            (byte) 0xAF}, "b"));
    assertThat(raw.status()).as(raw.text()).isEqualTo(400);
    var encoded = RawRequest.send("POST", node.baseUrl() + "/console/signin", null,
        Map.of("Content-Type", "application/x-www-form-urlencoded"), "token=a%C0%AFb".getBytes());
    assertThat(encoded.status()).as(encoded.text()).isEqualTo(400);
  }

  @Test
  void anOverlongSlashInAUrlIsRefused() {
    api.get("/tickets/tkt_%C0%AF").problem(400, null);
    api.get("/tickets?cursor=%C0%AF").problem(400, null);
    api.get("/tickets?limit=5&x=%E0%80%AF").problem(400, null);
    var asset = api.get("/console/assets/..%C0%AF..%C0%AFpom.xml");
    assertThat(asset.status()).as(asset.text()).isEqualTo(400);
    // percent-encoded well-formed UTF-8 is fine
    api.get("/tickets?x=%C3%A9").expect(200);
  }

  private int tokens() {
    return api.get("/tokens?limit=500").expect(200).at("/data").size();
  }

  private static byte[] body(String head, byte[] middle, String tail) {
    var out = new ByteArrayOutputStream();
    out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(middle);
    out.writeBytes(tail.getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }
}

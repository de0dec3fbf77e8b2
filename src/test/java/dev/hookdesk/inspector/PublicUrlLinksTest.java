package dev.hookdesk.inspector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookdesk.config.HookdeskConfig;
import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.TestNode;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Links the node hands out are built from HOOKDESK_PUBLIC_URL, never from the Host header a
 * caller chose (a forged Host would otherwise point webhooks, and people, at the attacker).
 */
@DbTest
class PublicUrlLinksTest {

  @Test
  void aForgedHostHeaderDoesNotChangeTheCaptureUrl() throws Exception {
    try (TestNode node = TestNode.start(Map.of(HookdeskConfig.PUBLIC_URL, "https://desk.example/hd/"))) {
      String created = raw(node, "POST", "/api/v1/inspector/bins", "{\"name\":\"Forged\"}");
      assertThat(created).startsWith("HTTP/1.1 201");
      var bin = new ObjectMapper().readTree(created.substring(created.indexOf("\r\n\r\n") + 4));
      assertThat(bin.get("capture_url").asText()).isEqualTo("https://desk.example/hd/inspect/" + bin.get("id").asText());

      String listed = raw(node, "GET", "/api/v1/inspector/bins/" + bin.get("id").asText(), null);
      assertThat(listed).contains("\"capture_url\":\"https://desk.example/hd/inspect/").doesNotContain("evil.example");
    }
  }

  @Test
  void byDefaultLinksUseLocalhostAndTheOwnCaptureStaysReachableOnAStrictNode() {
    try (TestNode node = TestNode.start(Map.of(HookdeskConfig.ALLOWED_NETWORKS, ""))) {
      Api api = node.admin();
      var bin = api.post("/inspector/bins", Api.json(Map.of("name", "Default"))).expect(201);
      String url = bin.str("/capture_url");
      assertThat(url).isEqualTo("http://localhost:" + node.node().port() + "/inspect/" + bin.str("/id"));
      String hook = api.post("/webhooks", Api.json(Map.of("scope", "global", "url", url,
          "events", List.of("ticket.created"), "private", false))).expect(201).str("/id");
      assertThat(api.post("/webhooks/" + hook + "/test", "{}").expect(200).at("/success").asBoolean()).isTrue();
    }
  }

  @Test
  void aPublicUrlOnAPrivateAddressDoesNotOpenTheEgressGuard() {
    try (TestNode probe = TestNode.start(Map.of(HookdeskConfig.ALLOWED_NETWORKS, "",
        HookdeskConfig.PUBLIC_URL, "http://10.0.0.5:8080"))) {
      Api api = probe.admin();
      var bin = api.post("/inspector/bins", Api.json(Map.of("name", "Private"))).expect(201);
      assertThat(bin.str("/capture_url")).startsWith("http://10.0.0.5:8080/inspect/bin_");
      api.post("/webhooks", Api.json(Map.of("scope", "global", "url", bin.str("/capture_url"),
          "events", List.of("ticket.created"), "private", false))).problem(422, "url");
    }
  }

  /** One HTTP/1.1 exchange over a socket, with a Host header of the attacker's choosing. */
  private static String raw(TestNode node, String method, String path, String json) throws Exception {
    byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
    try (Socket s = new Socket("127.0.0.1", node.node().port())) {
      OutputStream out = s.getOutputStream();
      out.write((method + " " + path + " HTTP/1.1\r\nHost: evil.example\r\n"
          + "Authorization: Bearer " + TestNode.OWNER_TOKEN + "\r\n"
          + "X-Forwarded-Host: evil.example\r\nContent-Type: application/json\r\n"
          + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      InputStream in = s.getInputStream();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      in.transferTo(all);
      return all.toString(StandardCharsets.UTF_8);
    }
  }
}

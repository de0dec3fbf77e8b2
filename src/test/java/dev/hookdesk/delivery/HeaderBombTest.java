package dev.hookdesk.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.Receiver;
import dev.hookdesk.testing.TestNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A receiver answering with a huge header section costs one failed attempt, not a sender thread. */
@DbTest
class HeaderBombTest {
  @RegisterExtension
  static final TestNode node = TestNode.perClass();

  @Test
  void twentyMegabytesOfHeadersFailTheAttemptAndOthersAreDeliveredMeanwhile() throws Exception {
    byte[] line = ("X-A: " + "a".repeat(100) + "\r\n").getBytes(StandardCharsets.US_ASCII);
    try (Receiver bomb = Receiver.raw(out -> {
          out.write("HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.US_ASCII));
          for (int sent = 0; sent < 20 << 20; sent += line.length) out.write(line);
          out.write("Content-Length: 2\r\n\r\nok".getBytes(StandardCharsets.US_ASCII));
        });
         Receiver good = Receiver.answering(200)) {
      Api api = node.admin();
      String bombHook = Hooks.register(api, bomb.url(), List.of("1h"));
      String goodHook = Hooks.register(api, good.url(), List.of("1h"));
      Hooks.fire(api, "Maria");

      Hooks.awaitStatus(api, goodHook, 1, "succeeded", 10_000);
      JsonNode attempt = firstAttempt(api, bombHook);
      assertThat(attempt.get("outcome").asText()).isNotEqualTo("success");
      assertThat(attempt.get("error").asText()).contains("response headers over 16 KiB");
      assertThat(attempt.get("response_headers").size()).isZero();
    }
  }

  @Test
  void oneHugeHeaderLineFailsTheAttemptToo() throws Exception {
    try (Receiver bomb = Receiver.raw(out -> {
          out.write("HTTP/1.1 200 OK\r\nX-A: ".getBytes(StandardCharsets.US_ASCII));
          byte[] chunk = "a".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
          for (int i = 0; i < 320; i++) out.write(chunk);
          out.write("\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.US_ASCII));
        })) {
      Api api = node.admin();
      String hook = Hooks.register(api, bomb.url(), List.of("1h"));
      Hooks.fire(api, "Maria");

      JsonNode attempt = firstAttempt(api, hook);
      assertThat(attempt.get("outcome").asText()).isNotEqualTo("success");
      assertThat(attempt.get("error").asText()).doesNotStartWith("timeout");
      assertThat(attempt.get("response_headers").size()).isZero();
    }
  }

  @Test
  void theHeadersKeptOfAnAttemptAreBoundedInCountAndSize() throws Exception {
    try (Receiver many = Receiver.raw(out -> {
          StringBuilder head = new StringBuilder("HTTP/1.1 200 OK\r\n");
          for (int i = 0; i < 100; i++) head.append("X-H").append(i).append(": v\r\n");
          // one name repeated: joined into one value, kept within the bound
          for (int i = 0; i < 300; i++) head.append("X-Same: ").append("b".repeat(30)).append("\r\n");
          head.append("Content-Length: 2\r\nConnection: close\r\n\r\nok");
          out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
        })) {
      Api api = node.admin();
      String hook = Hooks.register(api, many.url(), List.of("1h"));
      Hooks.fire(api, "Maria");

      JsonNode d = Hooks.awaitStatus(api, hook, 1, "succeeded", 10_000).get(0);
      JsonNode headers = api.get("/deliveries/" + d.get("id").asText()).expect(200)
          .at("/attempts/0/response_headers");
      assertThat(headers.size()).isLessThanOrEqualTo(64);
      int total = 0;
      for (var it = headers.fields(); it.hasNext(); ) {
        var e = it.next();
        total += e.getKey().length() + e.getValue().asText().length();
      }
      assertThat(total).isLessThanOrEqualTo(16 * 1024);
      assertThat(headers.get("x-h0").asText()).isEqualTo("v");
    }
  }

  private static JsonNode firstAttempt(Api api, String webhook) {
    TestNode.await("the first attempt", 10_000, () -> {
      JsonNode d = Hooks.deliveries(api, webhook);
      return d.size() == 1 && d.get(0).get("attempt_count").asInt() == 1;
    });
    String id = Hooks.deliveries(api, webhook).get(0).get("id").asText();
    return api.get("/deliveries/" + id).expect(200).at("/attempts/0");
  }
}

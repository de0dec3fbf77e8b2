package dev.hookdesk.inspector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.ManualClock;
import dev.hookdesk.testing.TestNode;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The public capture URL takes no token, so it is bounded: requests per address and per bin
 * (429 with Retry-After), bytes per body and per bin, and the bin reads stay small.
 */
@DbTest
class CaptureLimitsTest {
  private static final int KIB = 1024;

  @Test
  void aFloodFromOneAddressGets429UntilTheMinuteHasPassed() throws Exception {
    ManualClock clock = new ManualClock();
    try (TestNode node = TestNode.start(clock)) {
      String bin = bin(node);
      HttpClient client = HttpClient.newHttpClient();
      long started = System.nanoTime();
      int accepted = 0;
      HttpResponse<String> refused = null;
      for (int i = 0; i < 200 && refused == null; i++) {
        var r = send(client, node, bin, "{\"n\":" + i + "}");
        if (r.statusCode() == 200) accepted++;
        else refused = r;
      }
      // the bucket refills one a second while the test runs
      assertThat(accepted).isBetween(60, 60 + (int) seconds(started));
      assertThat(refused.statusCode()).isEqualTo(429);
      assertThat(refused.headers().firstValue("content-type").orElse("")).startsWith("application/problem+json");
      long retryAfter = Long.parseLong(refused.headers().firstValue("retry-after").orElseThrow());
      assertThat(retryAfter).isBetween(1L, 60L);
      assertThat(captures(node, bin).size()).isEqualTo(accepted);

      clock.advance(Duration.ofSeconds(retryAfter));
      assertThat(send(client, node, bin, "{}").statusCode()).isEqualTo(200);
      clock.advance(Duration.ofMinutes(1));
      for (int i = 0; i < 60; i++) assertThat(send(client, node, bin, "{}").statusCode()).isEqualTo(200);
      long again = System.nanoTime();
      int more = 0;
      while (send(client, node, bin, "{}").statusCode() == 200) more++;
      assertThat(more).isLessThanOrEqualTo((int) seconds(again));
    }
  }

  @Test
  void aBinTakesAtMost120AMinuteWhateverTheAddresses() throws Exception {
    try (TestNode node = TestNode.start(new ManualClock())) {
      String bin = bin(node);
      long started = System.nanoTime();
      int accepted = 0;
      int refused = 0;
      for (String from : new String[] {"127.0.0.2", "127.0.0.3", "127.0.0.4"}) {
        HttpClient client = HttpClient.newBuilder().localAddress(InetAddress.getByName(from)).build();
        for (int i = 0; i < 50; i++) {
          int status = send(client, node, bin, "{}").statusCode();
          if (status == 200) accepted++;
          else if (status == 429) refused++;
        }
      }
      // the bin's bucket refills two a second while the test runs
      assertThat(accepted).isBetween(120, 120 + 2 * (int) seconds(started));
      assertThat(refused).isEqualTo(150 - accepted).isPositive();
      // another bin is not held back by this one's flood
      HttpClient fresh = HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.0.5")).build();
      assertThat(send(fresh, node, bin(node), "{}").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void aBodyOver64KibIsKeptTruncatedAndFlaggedAndTheListCarriesNoBodies() throws Exception {
    try (TestNode node = TestNode.start(new ManualClock())) {
      String bin = bin(node);
      String big = "{\"pad\":\"" + "ñ".repeat(100 * KIB) + "\"}"; // ~200 KiB of two-byte characters
      var r = send(HttpClient.newHttpClient(), node, bin, big);
      assertThat(r.statusCode()).isEqualTo(200);
      JsonNode answer = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
      assertThat(answer.get("truncated").asBoolean()).isTrue();

      JsonNode listed = captures(node, bin).get(0);
      assertThat(listed.has("body")).isFalse();
      assertThat(listed.get("body_size").asLong()).isEqualTo(big.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
      assertThat(listed.get("truncated").asBoolean()).isTrue();

      JsonNode one = node.admin().get("/inspector/bins/" + bin + "/requests/" + listed.get("id").asText())
          .expect(200).json();
      assertThat(one.get("truncated").asBoolean()).isTrue();
      assertThat(one.get("body_base64").asBoolean()).as("cut on a character boundary, still text").isFalse();
      String kept = one.get("body").asText();
      assertThat(kept).startsWith("{\"pad\":\"ñ");
      assertThat(kept.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isBetween(64 * KIB - 3, 64 * KIB);
      node.admin().get("/inspector/bins/" + bin + "/requests/req_nope").problem(404, null);
    }
  }

  @Test
  void aBinKeepsAtMost5MibAndTheNewest100AndItsReadsStaySmall() throws Exception {
    ManualClock clock = new ManualClock();
    try (TestNode node = TestNode.start(clock)) {
      String bin = bin(node);
      HttpClient client = HttpClient.newHttpClient();
      String body = "x".repeat(64 * KIB);
      for (int i = 0; i < 150; i++) {
        if (i % 50 == 49) clock.advance(Duration.ofMinutes(1));
        assertThat(send(client, node, bin, i + body.substring(String.valueOf(i).length())).statusCode()).isEqualTo(200);
      }
      var list = node.admin().get("/inspector/bins/" + bin + "/requests").expect(200);
      int kept = list.at("/data").size();
      assertThat(kept).as("5 MiB of 64 KiB bodies").isBetween(70, 80);
      assertThat(list.text().length()).as("the list without bodies").isLessThan(kept * 2 * KIB);
      String newest = list.at("/data/0/id").asText();
      assertThat(node.admin().get("/inspector/bins/" + bin + "/requests/" + newest).str("/body")).startsWith("149x");

      clock.advance(Duration.ofMinutes(1));
      for (int i = 0; i < 110; i++) {
        if (i % 50 == 49) clock.advance(Duration.ofMinutes(1));
        assertThat(send(client, node, bin, "{\"n\":" + i + "}").statusCode()).isEqualTo(200);
      }
      var small = captures(node, bin);
      assertThat(small.size()).isEqualTo(100);
      assertThat(small.findValuesAsText("body_size")).as("only the newest, small ones").allMatch(n -> n.length() <= 2);
    }
  }

  private static long seconds(long sinceNanos) {
    return Duration.ofNanos(System.nanoTime() - sinceNanos).toSeconds() + 1;
  }

  static String bin(TestNode node) {
    return node.admin().post("/inspector/bins", Api.json(Map.of("name", "Limits"))).expect(201).str("/id");
  }

  static JsonNode captures(TestNode node, String bin) {
    return node.admin().get("/inspector/bins/" + bin + "/requests").expect(200).at("/data");
  }

  static HttpResponse<String> send(HttpClient client, TestNode node, String bin, String body) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + "/inspect/" + bin))
        .header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }
}

package dev.hookdesk.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.TestNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the delivery tests do again and again through the API. */
final class Hooks {
  private Hooks() {}

  /** Registers a non-private webhook for contact.created with this retry schedule. */
  static String register(Api api, String url, List<String> schedule, int timeoutMs) {
    Map<String, Object> body = new HashMap<>();
    body.put("scope", "global");
    body.put("url", url);
    body.put("events", List.of("contact.created"));
    body.put("private", false);
    body.put("retry_schedule", schedule);
    body.put("timeout_ms", timeoutMs);
    return api.post("/webhooks", Api.json(body)).expect(201).str("/id");
  }

  static String register(Api api, String url, List<String> schedule) {
    return register(api, url, schedule, 5000);
  }

  /** Causes one contact.created event (sent again while the node answers 503); returns the contact id. */
  static String fire(Api api, String name) {
    return api.postRetrying("/contacts", Api.json(Map.of("name", name))).expect(201).str("/id");
  }

  static JsonNode deliveries(Api api, String webhookId) {
    return api.get("/webhooks/" + webhookId + "/deliveries").expect(200).at("/data");
  }

  /** Waits until the webhook has {@code count} deliveries, all in this status; returns them. */
  static JsonNode awaitStatus(Api api, String webhookId, int count, String status, long millis) {
    try {
      TestNode.await(count + " deliveries " + status, millis, () -> {
        JsonNode d = deliveries(api, webhookId);
        if (d.size() != count) return false;
        for (JsonNode x : d) if (!x.get("status").asText().equals(status)) return false;
        return true;
      });
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "; the deliveries are " + deliveries(api, webhookId), e);
    }
    return deliveries(api, webhookId);
  }
}

package dev.hookdesk.webhooks;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookdesk.core.Json;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * A webhook's custom headers carry credentials (an {@code X-Api-Key}), so they are kept like
 * its secret: the {@code headers} column holds them sealed by {@link SecretBox}, answers show
 * the names with {@link #MASK} for every value, and only the request a receiver gets has them
 * in clear.
 */
final class CustomHeaders {
  /** Every value as answers show it; sent back in a change, it keeps the stored value. */
  static final String MASK = "********";
  /** What a webhook without custom headers stores: nothing to hide, nothing to decrypt. */
  static final String NONE = "{}";

  private final SecretBox box;
  private final ObjectMapper mapper;

  CustomHeaders(SecretBox box, ObjectMapper mapper) {
    this.box = Objects.requireNonNull(box);
    this.mapper = Objects.requireNonNull(mapper);
  }

  /** The column value: the headers' JSON sealed with the webhook id, or {@link #NONE}. */
  String seal(String webhookId, Map<String, String> headers) {
    return headers.isEmpty() ? NONE : box.seal(associated(webhookId), Json.write(mapper, headers));
  }

  /** The headers of a column value; a JSON object is one written in clear before sealing. */
  Map<String, String> open(String webhookId, String stored) {
    String json = isClear(stored) ? stored : box.open(associated(webhookId), stored);
    try {
      return mapper.readValue(json, new TypeReference<Map<String, String>>() {});
    } catch (IOException e) {
      throw new IllegalStateException("unreadable headers of " + webhookId, e);
    }
  }

  static boolean isClear(String stored) {
    return stored.startsWith("{");
  }

  /** The names, in order, each with {@link #MASK}. */
  static Map<String, String> masked(Map<String, String> headers) {
    Map<String, String> out = new TreeMap<>();
    headers.keySet().forEach(name -> out.put(name, MASK));
    return out;
  }

  /** A request's headers as answers show them: the custom ones (these names) masked. */
  static Map<String, String> maskedIn(Map<String, String> sent, Set<String> custom) {
    Map<String, String> out = new LinkedHashMap<>(sent);
    custom.forEach(name -> out.replace(name, MASK));
    return out;
  }

  // Not the bare id: the secret column is sealed with it, and one must not open as the other.
  private static String associated(String webhookId) {
    return webhookId + "/headers";
  }
}

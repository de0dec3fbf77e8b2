package dev.hookdesk.webhooks.send;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/** One signed POST to a receiver, with every header already set. */
public record OutboundRequest(String url, Map<String, String> headers, byte[] body, Duration timeout) {
  public OutboundRequest {
    Objects.requireNonNull(url);
    headers = Map.copyOf(headers);
    Objects.requireNonNull(body);
    Objects.requireNonNull(timeout);
  }
}

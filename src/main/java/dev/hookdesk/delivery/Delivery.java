package dev.hookdesk.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/** A delivery as the API shows it; {@code attempts} only on {@code GET /deliveries/{id}}. */
public record Delivery(String id, String webhookId, String eventId, String eventType, String status,
    int attemptCount, Instant nextAttemptAt, Instant lastAttemptAt, Integer lastResponseStatus,
    String lastError, Instant createdAt, Instant completedAt,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<Attempt> attempts) {

  Delivery withAttempts(List<Attempt> list) {
    return new Delivery(id, webhookId, eventId, eventType, status, attemptCount, nextAttemptAt,
        lastAttemptAt, lastResponseStatus, lastError, createdAt, completedAt, list);
  }
}

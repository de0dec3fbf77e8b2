package dev.hookdesk.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A delivery as the API shows it; {@code attempts} only on {@code GET /deliveries/{id}}. A bot
 * call has no webhook ({@code webhook_id} null) and names the bot and the chat instead.
 */
public record Delivery(String id, String webhookId,
    @JsonInclude(JsonInclude.Include.NON_NULL) String agentId,
    @JsonInclude(JsonInclude.Include.NON_NULL) String chatId,
    String eventId, String eventType, String status,
    int attemptCount, Instant nextAttemptAt, Instant lastAttemptAt, Integer lastResponseStatus,
    String lastError, Instant createdAt, Instant completedAt,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<Attempt> attempts) {

  Delivery withAttempts(List<Attempt> list) {
    return new Delivery(id, webhookId, agentId, chatId, eventId, eventType, status, attemptCount,
        nextAttemptAt, lastAttemptAt, lastResponseStatus, lastError, createdAt, completedAt, list);
  }
}

package dev.hookdesk.desk.tickets;

import java.time.Instant;
import java.util.Objects;

/** A public reply ({@code internal} false) or an internal comment on a ticket. */
public record TicketMessage(String id, String authorType, String authorId, String body,
    boolean internal, Instant createdAt) {

  public TicketMessage {
    Objects.requireNonNull(id);
    Objects.requireNonNull(authorType);
    Objects.requireNonNull(authorId);
    Objects.requireNonNull(body);
    Objects.requireNonNull(createdAt);
  }
}

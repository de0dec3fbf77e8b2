package dev.hookdesk.desk.chats;

import dev.hookdesk.core.Actor;
import dev.hookdesk.desk.contacts.Contact;
import java.time.Instant;
import java.util.List;

/** A chat snapshot as the API and every {@code chat.*} event show it. */
public record Chat(String id, String type, String status, List<String> pastStatuses,
    String source, Contact creator, List<Participant> participants,
    List<Participant> allParticipants, List<Invitation> invitations, Callback callback,
    CloseRecord closeRecord, Report report, Rating rating, boolean copilotEnabled,
    String reference, String lastMessageId, Instant createdAt, Instant updatedAt,
    Instant closedAt) {

  /** An agent in the chat; {@code joinedAt} is when they first joined. */
  public record Participant(String id, String name, String kind, Instant joinedAt) {}

  /** An invitation for an agent to join; {@code status} pending|accepted|rejected. */
  public record Invitation(String id, String chatId, String agentId, String status,
      Instant createdAt, Instant resolvedAt) {}

  /** The contact's request to be called back ({@code type} phone|chat). */
  public record Callback(String type, String phone, String note, Instant preferredTime,
      Instant requestedAt) {}

  /** How the chat ended: {@code reason} closed (by someone) or contact_left. */
  public record CloseRecord(String reason, Actor closedBy, String note, Instant closedAt) {}

  /** Times in milliseconds; each is null until it is known. */
  public record Report(Long creatorWaitMs, Long handledMs, Long durationMs) {}

  public record Rating(int score, String comment, Instant ratedAt) {}
}

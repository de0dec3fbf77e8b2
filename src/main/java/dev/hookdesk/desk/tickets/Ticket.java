package dev.hookdesk.desk.tickets;

import dev.hookdesk.desk.contacts.ContactSummary;
import java.time.Instant;
import java.util.List;

/**
 * A ticket snapshot as the API and every {@code ticket.*} event show it. {@code status} is
 * open or closed; spam, trash and archive are flags on top of it, so undoing one restores
 * exactly the state before. {@code requester} embeds who the requester is now (SPEC §9).
 */
public record Ticket(String id, String subject, String status, String priority, String category,
    List<String> tags, String requesterId, ContactSummary requester, String assigneeId, String teamId, String queueId,
    boolean answered, boolean spam, boolean trashed, boolean archived, int messageCount,
    int commentCount, Instant createdAt, Instant updatedAt, Instant closedAt) {

  public static final String OPEN = "open";
  public static final String CLOSED = "closed";
  public static final List<String> PRIORITIES = List.of("low", "normal", "high", "urgent");

  public Ticket {
    tags = List.copyOf(tags);
  }

  /** The same ticket with the requester as the contacts' owner shows them now. */
  Ticket withRequester(ContactSummary r) {
    return new Ticket(id, subject, status, priority, category, tags, requesterId, r, assigneeId,
        teamId, queueId, answered, spam, trashed, archived, messageCount, commentCount, createdAt,
        updatedAt, closedAt);
  }

  boolean closed() {
    return CLOSED.equals(status);
  }

  Draft edit() {
    return new Draft(this);
  }

  /** The mutable copy an action changes before it is saved as the new snapshot. */
  static final class Draft {
    private final Ticket t;
    String status;
    String priority;
    String category;
    List<String> tags;
    String assigneeId;
    String teamId;
    String queueId;
    boolean answered;
    boolean spam;
    boolean trashed;
    boolean archived;
    int messageCount;
    int commentCount;
    Instant updatedAt;
    Instant closedAt;

    private Draft(Ticket t) {
      this.t = t;
      status = t.status;
      priority = t.priority;
      category = t.category;
      tags = t.tags;
      assigneeId = t.assigneeId;
      teamId = t.teamId;
      queueId = t.queueId;
      answered = t.answered;
      spam = t.spam;
      trashed = t.trashed;
      archived = t.archived;
      messageCount = t.messageCount;
      commentCount = t.commentCount;
      updatedAt = t.updatedAt;
      closedAt = t.closedAt;
    }

    Ticket build() {
      return new Ticket(t.id, t.subject, status, priority, category, tags, t.requesterId,
          t.requester, assigneeId, teamId, queueId, answered, spam, trashed, archived, messageCount,
          commentCount, t.createdAt, updatedAt, closedAt);
    }
  }
}

package dev.hookdesk.desk.tickets;

import dev.hookdesk.desk.contacts.ContactRoutes;
import dev.hookdesk.desk.contacts.ContactService;
import dev.hookdesk.http.JsonBody;
import dev.hookdesk.http.Principal;
import java.util.List;
import java.util.Optional;

/**
 * Ticket request bodies, read the same way for the API and the desk's forms (which the desk
 * turns into the same JSON), so both refuse the same input with the same field errors.
 */
public final class TicketInput {
  static final int MAX_BODY = 50_000;
  static final int MAX_SUBJECT = 500;
  private static final int MAX_TAGS = 20;
  private static final int MAX_TAG = 50;

  /** A reply or internal note as written: who and what. */
  public record Post(String authorType, String authorId, String body) {}

  private TicketInput() {}

  public static TicketService.NewTicket newTicket(JsonBody b) {
    b.allow("subject", "body", "requester_id", "requester", "queue_id", "priority", "tags");
    String subject = b.string("subject", MAX_SUBJECT);
    String body = b.string("body", MAX_BODY);
    Optional<String> requesterId = b.optString("requester_id", 40);
    Optional<ContactService.NewContact> requester = b.optObject("requester")
        .map(o -> ContactRoutes.read(o.allow("name", "email", "phone")));
    if (requesterId.isPresent() && requester.isPresent()) {
      b.error("requester", "give either requester_id or requester, not both");
    } else if (requesterId.isEmpty() && requester.isEmpty()
        && !b.hasError("requester_id") && !b.hasError("requester")) {
      b.error("requester_id", "is required (or give requester {name, email})");
    }
    Optional<String> queueId = b.optString("queue_id", 40);
    String priority = b.optOneOf("priority", Ticket.PRIORITIES).orElse("normal");
    List<String> tags = tags(b);
    b.done();
    return new TicketService.NewTicket(subject, body, requesterId, requester, queueId, priority, tags);
  }

  /** {@code {author_type, author_id, body}}; an agent caller writes as itself only (SPEC §9). */
  public static Post reply(JsonBody b, Principal caller) {
    b.allow("author_type", "author_id", "body");
    String type = b.oneOf("author_type", List.of("contact", "agent"));
    String author = b.string("author_id", 40);
    String body = b.string("body", MAX_BODY);
    caller.refusesAuthor(type, author).ifPresent(m -> b.error("author_id", m));
    b.done();
    return new Post(type, author, body);
  }

  /** {@code {author_id, body}} of an internal note. */
  public static Post comment(JsonBody b, Principal caller) {
    b.allow("author_id", "body");
    String author = b.string("author_id", 40);
    String body = b.string("body", MAX_BODY);
    caller.refusesAuthor("agent", author).ifPresent(m -> b.error("author_id", m));
    b.done();
    return new Post("agent", author, body);
  }

  public static TicketActions.Classification classification(JsonBody b) {
    b.allow("category", "priority", "tags");
    boolean setCategory = b.raw().has("category");
    Optional<String> category = b.optString("category", 100);
    Optional<String> priority = b.optOneOf("priority", Ticket.PRIORITIES);
    Optional<List<String>> tags = b.raw().has("tags") ? Optional.of(tags(b)) : Optional.empty();
    if (!setCategory && !b.raw().has("priority") && tags.isEmpty()) {
      b.error("category", "give at least one of category, priority, tags");
    }
    b.done();
    return new TicketActions.Classification(setCategory, category.orElse(null), priority, tags);
  }

  private static List<String> tags(JsonBody b) {
    return b.stringList("tags", MAX_TAGS, MAX_TAG).stream().distinct().toList();
  }
}

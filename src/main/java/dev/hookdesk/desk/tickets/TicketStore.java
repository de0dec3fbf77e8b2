package dev.hookdesk.desk.tickets;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookdesk.core.DomainException.NotFound;
import dev.hookdesk.core.Json;
import dev.hookdesk.desk.contacts.ContactService;
import dev.hookdesk.desk.contacts.ContactSummary;
import dev.hookdesk.http.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

/** The SQL of the {@code tickets} and {@code ticket_messages} tables. */
final class TicketStore {
  static final String COLUMNS = "id, subject, status, priority, category, tags, "
      + "requester_id, assignee_id, team_id, queue_id, answered, spam, trashed, archived, "
      + "message_count, comment_count, created_at, updated_at, closed_at";

  /** The {@code ?status=} views of {@code GET /tickets}. */
  static final Map<String, String> VIEWS = Map.of(
      "open", "status = 'open' AND spam = FALSE AND trashed = FALSE",
      "closed", "status = 'closed' AND archived = FALSE AND spam = FALSE AND trashed = FALSE",
      "archived", "archived = TRUE AND spam = FALSE AND trashed = FALSE",
      "spam", "spam = TRUE AND trashed = FALSE",
      "trashed", "trashed = TRUE");

  private final ObjectMapper mapper;
  private final ContactService contacts;

  TicketStore(ObjectMapper mapper, ContactService contacts) {
    this.mapper = mapper;
    this.contacts = contacts;
  }

  void insert(Handle h, String workspaceId, Ticket t) {
    bindMutable(h.createUpdate("INSERT INTO tickets (" + COLUMNS + ", workspace_id) VALUES (:id, :subject, "
            + ":status, :priority, :category, :tags, :requester, :assignee, :team, :queue, "
            + ":answered, :spam, :trashed, :archived, :messages, :comments, :created, :updated, "
            + ":closed, :ws)")
        .bind("id", t.id()).bind("subject", t.subject()).bind("requester", t.requesterId())
        .bind("created", t.createdAt()).bind("ws", workspaceId), t)
        .execute();
  }

  void update(Handle h, Ticket t) {
    bindMutable(h.createUpdate("UPDATE tickets SET status = :status, priority = :priority, category = :category, "
            + "tags = :tags, assignee_id = :assignee, team_id = :team, queue_id = :queue, "
            + "answered = :answered, spam = :spam, trashed = :trashed, archived = :archived, "
            + "message_count = :messages, comment_count = :comments, updated_at = :updated, "
            + "closed_at = :closed WHERE id = :id")
        .bind("id", t.id()), t).execute();
  }

  private Update bindMutable(Update u, Ticket t) {
    return u.bind("status", t.status()).bind("priority", t.priority())
        .bind("category", t.category()).bind("tags", Json.write(mapper, t.tags()))
        .bind("assignee", t.assigneeId()).bind("team", t.teamId()).bind("queue", t.queueId())
        .bind("answered", t.answered()).bind("spam", t.spam()).bind("trashed", t.trashed())
        .bind("archived", t.archived()).bind("messages", t.messageCount())
        .bind("comments", t.commentCount()).bind("updated", t.updatedAt())
        .bindByType("closed", t.closedAt(), Instant.class);
  }

  /** Reads the ticket with a row lock, so concurrent actions on it run one after the other. */
  Ticket lock(Handle h, String workspaceId, String id) {
    return withRequesters(h, workspaceId, h.createQuery("SELECT " + COLUMNS
            + " FROM tickets WHERE id = :id AND workspace_id = :ws FOR UPDATE")
        .bind("id", id).bind("ws", workspaceId).map((rs, x) -> map(rs)).list()).stream().findFirst()
        .orElseThrow(() -> new NotFound("Ticket", id));
  }

  Optional<Ticket> find(Handle h, String workspaceId, String id) {
    return withRequesters(h, workspaceId, h.createQuery("SELECT " + COLUMNS
            + " FROM tickets WHERE id = :id AND workspace_id = :ws")
        .bind("id", id).bind("ws", workspaceId).map((rs, x) -> map(rs)).list()).stream().findFirst();
  }

  List<Ticket> list(Handle h, String workspaceId, Optional<String> view, Page page) {
    return withRequesters(h, workspaceId, h.createQuery("SELECT " + COLUMNS
            + " FROM tickets WHERE workspace_id = :ws AND id > :after"
            + view.map(v -> " AND " + VIEWS.get(v)).orElse("") + " ORDER BY id LIMIT :limit")
        .bind("ws", workspaceId).bind("after", page.cursor().orElse(""))
        .bind("limit", page.limit() + 1).map((rs, x) -> map(rs)).list());
  }

  /** A contact's tickets (spam and trash included), most recently updated first. */
  List<Ticket> requestedBy(Handle h, String workspaceId, String contactId, int limit) {
    return withRequesters(h, workspaceId, h.createQuery("SELECT " + COLUMNS
            + " FROM tickets WHERE workspace_id = :ws AND requester_id = :contact "
            + "ORDER BY updated_at DESC, id LIMIT :limit")
        .bind("ws", workspaceId).bind("contact", contactId).bind("limit", limit)
        .map((rs, x) -> map(rs)).list());
  }

  /**
   * Every read of a ticket ends here: rows carry only the requester's id, and the contacts'
   * owner says who that is now (one query per page of tickets).
   */
  List<Ticket> withRequesters(Handle h, String workspaceId, List<Ticket> rows) {
    Map<String, ContactSummary> who = contacts.summaries(h, workspaceId,
        rows.stream().map(Ticket::requesterId).toList());
    return rows.stream().map(t -> t.withRequester(who.getOrDefault(t.requesterId(),
        new ContactSummary(t.requesterId(), null, null, null, null)))).toList();
  }

  /** Adds a message; {@code seq} numbers the messages of a ticket in the order they were written. */
  void insertMessage(Handle h, String ticketId, int seq, TicketMessage m) {
    h.createUpdate("INSERT INTO ticket_messages (id, ticket_id, seq, author_type, author_id, body, "
            + "internal, created_at) VALUES (:id, :ticket, :seq, :type, :author, :body, :internal, :at)")
        .bind("id", m.id()).bind("ticket", ticketId).bind("seq", seq).bind("type", m.authorType())
        .bind("author", m.authorId()).bind("body", m.body()).bind("internal", m.internal())
        .bind("at", m.createdAt()).execute();
  }

  List<TicketMessage> messages(Handle h, String ticketId) {
    return h.createQuery("SELECT id, author_type, author_id, body, internal, created_at "
            + "FROM ticket_messages WHERE ticket_id = :ticket ORDER BY seq")
        .bind("ticket", ticketId)
        .map((rs, x) -> new TicketMessage(rs.getString("id"), rs.getString("author_type"),
            rs.getString("author_id"), rs.getString("body"), rs.getBoolean("internal"),
            rs.getTimestamp("created_at").toInstant()))
        .list();
  }

  Ticket map(ResultSet rs) throws SQLException {
    Timestamp closed = rs.getTimestamp("closed_at");
    return new Ticket(rs.getString("id"), rs.getString("subject"), rs.getString("status"),
        rs.getString("priority"), rs.getString("category"), tags(rs.getString("tags")),
        rs.getString("requester_id"), null, rs.getString("assignee_id"), rs.getString("team_id"),
        rs.getString("queue_id"), rs.getBoolean("answered"), rs.getBoolean("spam"),
        rs.getBoolean("trashed"), rs.getBoolean("archived"), rs.getInt("message_count"),
        rs.getInt("comment_count"), rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant(), closed == null ? null : closed.toInstant());
  }

  private List<String> tags(String json) {
    try {
      return mapper.readValue(json, new TypeReference<List<String>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

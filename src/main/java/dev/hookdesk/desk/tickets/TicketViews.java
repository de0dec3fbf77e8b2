package dev.hookdesk.desk.tickets;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookdesk.core.DomainException.Invalid;
import dev.hookdesk.core.DomainException.NotFound;
import dev.hookdesk.desk.contacts.ContactService;
import dev.hookdesk.store.Substrings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * What the desk reads: a ticket with its conversation, the ticket views (SPEC §9) newest change
 * first with a keyset cursor, their counts (capped, so a count reads a bounded index range),
 * search, and a requester's tickets. The indexes behind each are in V19.
 */
public final class TicketViews {
  /** Counts stop here; the desk shows "1000+". */
  public static final int COUNT_CAP = 1000;
  private static final String WORKING = "spam = FALSE AND trashed = FALSE AND archived = FALSE";
  private static final Pattern CURSOR = Pattern.compile("(-?[0-9]{1,12})\\.([0-9]{1,9})\\.([a-z]{2,6}_[0-9a-z]{1,40})");

  /** A view's filter: a WHERE fragment over {@code tickets} and its one optional parameter. */
  public record Scope(String where, Optional<String> param) {
    public static final Scope OPEN = new Scope("status = 'open' AND " + WORKING, Optional.empty());
    public static final Scope CLOSED = new Scope("status = 'closed' AND " + WORKING, Optional.empty());
    public static final Scope UNASSIGNED = new Scope(
        "assignee_id IS NULL AND status = 'open' AND " + WORKING, Optional.empty());
    // only a closed ticket can be archived, and an archived one cannot be reopened
    public static final Scope ARCHIVED = new Scope(
        "trashed = FALSE AND spam = FALSE AND archived = TRUE AND status = 'closed'", Optional.empty());
    public static final Scope SPAM = new Scope("trashed = FALSE AND spam = TRUE", Optional.empty());
    public static final Scope TRASH = new Scope("trashed = TRUE", Optional.empty());
    public static final Scope ALL = new Scope("1 = 1", Optional.empty());

    public Scope {
      Objects.requireNonNull(where);
      Objects.requireNonNull(param);
    }

    /** Open tickets assigned to the agent. */
    public static Scope assignedTo(String agentId) {
      return new Scope("assignee_id = :param AND status = 'open' AND " + WORKING, Optional.of(agentId));
    }

    /** Open tickets in the queue. */
    public static Scope queue(String queueId) {
      return new Scope("queue_id = :param AND status = 'open' AND " + WORKING, Optional.of(queueId));
    }
  }

  /** A page of a view, and the cursor of the next page (null on the last). */
  public record Listing(List<Ticket> tickets, String nextCursor) {}

  /** A ticket and its conversation, oldest message first. */
  public record Conversation(Ticket ticket, List<TicketMessage> messages) {}

  private final Jdbi jdbi;
  private final TicketStore store;
  private final Substrings substrings;

  public TicketViews(Jdbi jdbi, ObjectMapper mapper, ContactService contacts, Substrings substrings) {
    this.jdbi = Objects.requireNonNull(jdbi);
    this.store = new TicketStore(Objects.requireNonNull(mapper), Objects.requireNonNull(contacts));
    this.substrings = Objects.requireNonNull(substrings);
  }

  public Conversation conversation(String workspaceId, String id) {
    return jdbi.withHandle(h -> {
      Ticket t = store.find(h, workspaceId, id).orElseThrow(() -> new NotFound("Ticket", id));
      return new Conversation(t, store.messages(h, id));
    });
  }

  public Optional<Ticket> find(String workspaceId, String id) {
    return jdbi.withHandle(h -> store.find(h, workspaceId, id));
  }

  public Listing list(String workspaceId, Scope scope, Optional<String> cursor, int limit) {
    return page(workspaceId, "tickets", scope.where(), scope.param(), List.of(), cursor, limit);
  }

  /**
   * Tickets in any state whose subject or requester's name or email contains {@code text}, or
   * whose id it is; {@code requesterIds} are the contacts that match (their owner finds them).
   */
  public Listing search(String workspaceId, String text, List<String> requesterIds,
      Optional<String> cursor, int limit) {
    String where = "(" + substrings.contains("subject") + " OR id = :param"
        + (requesterIds.isEmpty() ? "" : " OR requester_id IN (<requesters>)") + ")";
    return page(workspaceId, substrings.scanned("tickets"), where,
        Optional.of(text.strip()), requesterIds, cursor, limit);
  }

  /**
   * How many tickets each view holds, up to {@link #COUNT_CAP}, in the order given: one round
   * trip, each count reading at most the cap's worth of its index range.
   */
  public List<Integer> counts(String workspaceId, List<Scope> scopes) {
    if (scopes.isEmpty()) return List.of();
    StringBuilder sql = new StringBuilder("SELECT ");
    for (int i = 0; i < scopes.size(); i++) {
      if (i > 0) sql.append(", ");
      sql.append("(SELECT COUNT(*) FROM (SELECT 1 FROM tickets WHERE workspace_id = :ws AND ")
          .append(scopes.get(i).where().replace(":param", ":param" + i))
          .append(" LIMIT ").append(COUNT_CAP).append(") c").append(i).append(") AS n").append(i);
    }
    return jdbi.withHandle(h -> {
      Query q = h.createQuery(sql.toString()).bind("ws", workspaceId);
      for (int i = 0; i < scopes.size(); i++) {
        int n = i;
        scopes.get(i).param().ifPresent(p -> q.bind("param" + n, p));
      }
      return q.map((rs, x) -> {
        List<Integer> out = new ArrayList<>();
        for (int i = 1; i <= scopes.size(); i++) out.add(rs.getInt(i));
        return out;
      }).one();
    });
  }

  /** The requester's latest tickets, this one left out. */
  public List<Ticket> ofRequester(String workspaceId, String requesterId, String except, int limit) {
    return jdbi.withHandle(h -> store.requestedBy(h, workspaceId, requesterId, limit + 1)).stream()
        .filter(t -> !t.id().equals(except)).limit(limit).toList();
  }

  private Listing page(String workspaceId, String from, String where, Optional<String> param,
      List<String> requesterIds, Optional<String> cursor, int limit) {
    Optional<Key> after = cursor.map(TicketViews::key);
    String sql = "SELECT " + TicketStore.COLUMNS + " FROM " + from + " WHERE workspace_id = :ws AND "
        + where + after.map(k -> " AND (updated_at < :at OR (updated_at = :at AND id < :id))").orElse("")
        + " ORDER BY updated_at DESC, id DESC LIMIT :limit";
    List<Ticket> rows = jdbi.withHandle(h -> {
      Query q = bind(h.createQuery(sql), workspaceId, param).bind("limit", limit + 1);
      if (sql.contains(":needle")) substrings.bind(q, param.orElseThrow());
      if (!requesterIds.isEmpty()) q.bindList("requesters", requesterIds);
      after.ifPresent(k -> q.bind("at", k.at()).bind("id", k.id()));
      return store.withRequesters(h, workspaceId, q.map((rs, x) -> store.map(rs)).list());
    });
    if (rows.size() <= limit) return new Listing(rows, null);
    List<Ticket> shown = new ArrayList<>(rows.subList(0, limit));
    Ticket last = shown.get(limit - 1);
    return new Listing(shown, last.updatedAt().getEpochSecond() + "." + last.updatedAt().getNano()
        + "." + last.id());
  }

  private static Query bind(Query q, String workspaceId, Optional<String> param) {
    q.bind("ws", workspaceId);
    param.ifPresent(p -> q.bind("param", p));
    return q;
  }

  private record Key(Instant at, String id) {}

  private static Key key(String cursor) {
    Matcher m = CURSOR.matcher(cursor);
    if (!m.matches()) {
      throw new Invalid("cursor", "is not a cursor of this list; follow the Next page link, or "
          + "start again from the first page");
    }
    return new Key(Instant.ofEpochSecond(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))),
        m.group(3));
  }
}

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
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
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
  /** After the cursor's ticket in the views' order; the first term is a range an index can start at. */
  private static final String AFTER = " AND updated_at <= :at AND (updated_at < :at OR id < :id)";
  private static final Pattern CURSOR = Pattern.compile("(-?[0-9]{1,12})\\.([0-9]{1,9})\\.([a-z]{2,6}_[0-9a-z]{1,40})");

  /**
   * A view's filter: a WHERE fragment over {@code tickets} and its one optional parameter, and
   * the columns it fixes that lead the view's index (V19) in the index's order. Those columns
   * lead the view's ORDER BY too: H2 reads an index backwards for {@code updated_at DESC} only
   * when the ORDER BY names the index's columns from the first, and otherwise sorted every
   * ticket of the view (all the open ones) for a first page. PostgreSQL drops them from the
   * order, as each is equal to a constant.
   */
  public record Scope(String where, Optional<String> param, List<String> fixed) {
    /** The columns of V19's index of the views by life cycle. */
    private static final List<String> FLAGS = List.of("trashed", "spam", "archived", "status");

    public static final Scope OPEN = new Scope("status = 'open' AND " + WORKING, Optional.empty(), FLAGS);
    public static final Scope CLOSED = new Scope("status = 'closed' AND " + WORKING, Optional.empty(), FLAGS);
    public static final Scope UNASSIGNED = new Scope(
        "assignee_id IS NULL AND status = 'open' AND " + WORKING, Optional.empty(), open("assignee_id"));
    // only a closed ticket can be archived, and an archived one cannot be reopened
    public static final Scope ARCHIVED = new Scope(
        "trashed = FALSE AND spam = FALSE AND archived = TRUE AND status = 'closed'", Optional.empty(), FLAGS);
    // archived and status vary within these two, so no index holds them in order: H2 sorts them
    public static final Scope SPAM = new Scope("trashed = FALSE AND spam = TRUE", Optional.empty(), List.of());
    public static final Scope TRASH = new Scope("trashed = TRUE", Optional.empty(), List.of());
    public static final Scope ALL = new Scope("1 = 1", Optional.empty(), List.of());

    public Scope {
      Objects.requireNonNull(where);
      Objects.requireNonNull(param);
      fixed = List.copyOf(fixed);
    }

    /** Open tickets assigned to the agent. */
    public static Scope assignedTo(String agentId) {
      return new Scope("assignee_id = :param AND status = 'open' AND " + WORKING, Optional.of(agentId),
          open("assignee_id"));
    }

    /** Open tickets in the queue. */
    public static Scope queue(String queueId) {
      return new Scope("queue_id = :param AND status = 'open' AND " + WORKING, Optional.of(queueId),
          open("queue_id"));
    }

    /** The columns of V19's index of the open tickets of an agent or a queue. */
    private static List<String> open(String by) {
      return List.of(by, "status", "trashed", "spam", "archived");
    }

    /** Newest change first, through the view's index. */
    String order() {
      StringBuilder order = new StringBuilder("workspace_id DESC, ");
      fixed.forEach(column -> order.append(column).append(" DESC, "));
      return order.append("updated_at DESC, id DESC").toString();
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
    Optional<Key> after = cursor.map(TicketViews::key);
    String sql = "SELECT " + TicketStore.COLUMNS + " FROM tickets WHERE workspace_id = :ws AND "
        + scope.where() + after.map(k -> AFTER).orElse("") + " ORDER BY " + scope.order() + " LIMIT :limit";
    return page(workspaceId, limit, after, h -> {
      Query q = h.createQuery(sql).bind("ws", workspaceId);
      scope.param().ifPresent(p -> q.bind("param", p));
      return q;
    });
  }

  /**
   * Tickets in any state whose subject or requester's name or email contains {@code text}, or
   * whose id it is; {@code requesterIds} are the contacts that match (their owner finds them).
   * The three are read apart, each newest first from an index of its own and only up to a page,
   * and the page is the newest of their union: with one OR over the table H2 read every ticket
   * and PostgreSQL read all the tickets of 200 requesters. The subjects are the one substring
   * to scan; they stop at a page of matches when there are many.
   */
  public Listing search(String workspaceId, String text, List<String> requesterIds,
      Optional<String> cursor, int limit) {
    Optional<Key> after = cursor.map(TicketViews::key);
    List<String> parts = new ArrayList<>(List.of(
        newest(substrings.scanned("tickets", "tickets_search"), substrings.contains("subject"), after),
        newest("tickets", "id = :text", after)));
    if (!requesterIds.isEmpty()) parts.add(newest("tickets", "requester_id IN (<requesters>)", after));
    String sql = "SELECT " + TicketStore.COLUMNS + " FROM (SELECT hit, hit_at FROM ("
        + String.join(" UNION ", parts) + ") u ORDER BY hit_at DESC, hit DESC LIMIT :limit) k"
        + " JOIN tickets ON id = hit ORDER BY hit_at DESC, hit DESC";
    String needle = text.strip();
    return page(workspaceId, limit, after, h -> {
      Query q = substrings.bind(h.createQuery(sql), needle).bind("ws", workspaceId).bind("text", needle);
      if (!requesterIds.isEmpty()) q.bindList("requesters", requesterIds);
      return q;
    });
  }

  /**
   * The ids and change times of the tickets that meet {@code where}, a page of them after the
   * cursor, newest first. The order names the workspace too, so that H2 reads an index that
   * starts with it backwards and stops at the page instead of sorting every match.
   */
  private static String newest(String from, String where, Optional<Key> after) {
    return "(SELECT id AS hit, updated_at AS hit_at FROM " + from + " WHERE workspace_id = :ws AND "
        + where + after.map(k -> AFTER).orElse("")
        + " ORDER BY workspace_id DESC, updated_at DESC, id DESC LIMIT :limit)";
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

  /** Runs a query for a page (one more row than {@code limit}, to know whether there is a next). */
  private Listing page(String workspaceId, int limit, Optional<Key> after, Function<Handle, Query> query) {
    List<Ticket> rows = jdbi.withHandle(h -> {
      Query q = query.apply(h).bind("limit", limit + 1);
      after.ifPresent(k -> q.bind("at", k.at()).bind("id", k.id()));
      return store.withRequesters(h, workspaceId, q.map((rs, x) -> store.map(rs)).list());
    });
    if (rows.size() <= limit) return new Listing(rows, null);
    List<Ticket> shown = new ArrayList<>(rows.subList(0, limit));
    Ticket last = shown.get(limit - 1);
    return new Listing(shown, last.updatedAt().getEpochSecond() + "." + last.updatedAt().getNano()
        + "." + last.id());
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

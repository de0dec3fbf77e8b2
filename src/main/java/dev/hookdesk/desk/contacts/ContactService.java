package dev.hookdesk.desk.contacts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookdesk.core.Actor;
import dev.hookdesk.core.DomainException.Conflict;
import dev.hookdesk.core.DomainException.FieldError;
import dev.hookdesk.core.DomainException.Invalid;
import dev.hookdesk.core.DomainException.NotFound;
import dev.hookdesk.core.Ids;
import dev.hookdesk.events.EventDraft;
import dev.hookdesk.events.EventLog;
import dev.hookdesk.http.Page;
import dev.hookdesk.store.Substrings;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Contacts: the customers who open tickets and chats. */
public final class ContactService {
  /** The SQLState of a unique-index violation, on H2 and PostgreSQL alike. */
  private static final String UNIQUE_VIOLATION = "23505";
  private static final String COLUMNS =
      "id, name, email, phone, external_id, blocked, email_subscribed, created_at, deleted_at";

  private final Jdbi jdbi;
  private final Ids ids;
  private final Clock clock;
  private final EventLog events;
  private final ObjectMapper mapper;
  private final Substrings substrings;

  public ContactService(Jdbi jdbi, Ids ids, Clock clock, EventLog events, ObjectMapper mapper,
      Substrings substrings) {
    this.jdbi = Objects.requireNonNull(jdbi);
    this.ids = Objects.requireNonNull(ids);
    this.clock = Objects.requireNonNull(clock);
    this.events = Objects.requireNonNull(events);
    this.mapper = Objects.requireNonNull(mapper);
    this.substrings = Objects.requireNonNull(substrings);
  }

  public record NewContact(String name, String email, String phone) {}

  public Contact create(String workspaceId, Actor actor, NewContact c) {
    return jdbi.inTransaction(h -> create(h, workspaceId, actor, c));
  }

  public Contact create(Handle h, String workspaceId, Actor actor, NewContact c) {
    return insert(h, workspaceId, actor, c, null);
  }

  private Contact insert(Handle h, String workspaceId, Actor actor, NewContact c, String externalId) {
    String id = ids.next("con");
    h.createUpdate("INSERT INTO contacts (id, workspace_id, name, email, phone, external_id, "
            + "created_at) VALUES (:id, :ws, :name, :email, :phone, :ext, :at)")
        .bind("id", id).bind("ws", workspaceId).bind("name", c.name()).bind("email", c.email())
        .bind("phone", c.phone()).bind("ext", externalId).bind("at", clock.instant()).execute();
    Contact contact = get(h, workspaceId, id);
    emit(h, workspaceId, actor, "contact.created", contact, null);
    return contact;
  }

  /**
   * The contact a ticket or chat names: by id, or by the email of an inline
   * {@code {name, email}}, creating it (with {@code contact.created}) when it is new.
   */
  public Contact resolve(Handle h, String workspaceId, Actor actor, Optional<String> id,
      Optional<NewContact> inline) {
    Contact c;
    if (id.isPresent()) {
      c = get(h, workspaceId, id.get());
    } else {
      NewContact n = inline.orElseThrow();
      Optional<Contact> existing = n.email() == null ? Optional.empty()
          : h.createQuery("SELECT " + COLUMNS + " FROM contacts WHERE workspace_id = :ws "
                  + "AND email = :email AND deleted_at IS NULL ORDER BY id LIMIT 1")
              .bind("ws", workspaceId).bind("email", n.email()).map((rs, x) -> map(rs)).findOne();
      c = existing.orElseGet(() -> create(h, workspaceId, actor, n));
    }
    if (c.deleted()) throw new Conflict("Contact " + c.id() + " has been deleted");
    return c;
  }

  /**
   * The contact a site's verified signed-in user is (SPEC §10), found by {@code external_id},
   * else created with {@code details}. Two first visits at once meet at the unique index.
   */
  public Contact forExternalId(String workspaceId, Actor actor, String externalId, NewContact details) {
    try {
      return jdbi.inTransaction(h -> byExternalId(h, workspaceId, externalId)
          .orElseGet(() -> insert(h, workspaceId, actor, details, externalId)));
    } catch (RuntimeException e) {
      return jdbi.withHandle(h -> byExternalId(h, workspaceId, externalId)).orElseThrow(() -> e);
    }
  }

  private Optional<Contact> byExternalId(Handle h, String workspaceId, String externalId) {
    return h.createQuery("SELECT " + COLUMNS + " FROM contacts WHERE workspace_id = :ws "
            + "AND external_id = :ext AND deleted_at IS NULL")
        .bind("ws", workspaceId).bind("ext", externalId).map((rs, x) -> map(rs)).findOne();
  }

  public Contact get(String workspaceId, String id) {
    return jdbi.withHandle(h -> get(h, workspaceId, id));
  }

  public Contact get(Handle h, String workspaceId, String id) {
    return h.createQuery("SELECT " + COLUMNS + " FROM contacts WHERE id = :id AND workspace_id = :ws")
        .bind("id", id).bind("ws", workspaceId).map((rs, x) -> map(rs)).findOne()
        .orElseThrow(() -> new NotFound("Contact", id));
  }

  public Page.Result<Contact> list(String workspaceId, Page page) {
    List<Contact> rows = jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS
            + " FROM contacts WHERE workspace_id = :ws AND id > :after AND deleted_at IS NULL "
            + "ORDER BY id LIMIT :limit")
        .bind("ws", workspaceId).bind("after", page.cursor().orElse(""))
        .bind("limit", page.limit() + 1).map((rs, x) -> map(rs)).list());
    return Page.Result.of(rows, page.limit(), Contact::id);
  }

  /**
   * {@code PATCH /contacts/{id}}: sets the given fields ({@code null} clears one). A contact keeps
   * a name or an email, and an {@code external_id} names one contact of a workspace. A change
   * emits {@code contact.updated} with each changed field as {@code {from, to}}; a patch that
   * changes nothing emits nothing.
   */
  public Contact update(String workspaceId, Actor actor, String id, ContactEdit edit) {
    try {
      return jdbi.inTransaction(h -> {
        Contact before = lock(h, workspaceId, id);
        Contact after = edit.applyTo(before);
        if (after.name() == null && after.email() == null) {
          String field = edit.sets("email") ? "email" : "name";
          throw new Invalid(field, "a contact needs a name or an email; give one of them");
        }
        Map<String, ContactEdit.Change> changes = ContactEdit.changes(before, after);
        if (changes.isEmpty()) return before;
        if (changes.containsKey("external_id") && after.externalId() != null) {
          byExternalId(h, workspaceId, after.externalId())
              .ifPresent(other -> { throw externalIdTaken(after.externalId(), other.id()); });
        }
        h.createUpdate("UPDATE contacts SET name = :name, email = :email, phone = :phone, "
                + "external_id = :ext WHERE id = :id")
            .bind("name", after.name()).bind("email", after.email()).bind("phone", after.phone())
            .bind("ext", after.externalId()).bind("id", id).execute();
        Contact saved = get(h, workspaceId, id);
        emit(h, workspaceId, actor, "contact.updated", saved, changes);
        return saved;
      });
    } catch (UnableToExecuteStatementException e) {
      // two patches racing to the same external_id meet at the unique index
      if (e.getCause() instanceof SQLException s && UNIQUE_VIOLATION.equals(s.getSQLState())) {
        throw externalIdTaken(edit.value("external_id"), "another contact");
      }
      throw e;
    }
  }

  private static Conflict externalIdTaken(String externalId, String by) {
    return new Conflict("external_id '" + externalId + "' is already used by " + by,
        new FieldError("external_id", "is already used by " + by + " in this workspace"));
  }

  /**
   * The desk's contact list: not deleted, in id order, optionally only those whose name, email
   * or external id contains {@code query} (ignoring case). The order names the workspace too, as
   * in {@link #idsMatching}.
   */
  public Page.Result<Contact> search(String workspaceId, Optional<String> query, Page page) {
    Optional<String> text = query.map(String::strip).filter(q -> !q.isEmpty());
    List<Contact> rows = jdbi.withHandle(h -> {
      Query q = h.createQuery("SELECT " + COLUMNS
              + " FROM " + (text.isPresent() ? substrings.scanned("contacts", "contacts_search") : "contacts")
              + " WHERE workspace_id = :ws AND id > :after AND deleted_at IS NULL"
              + (text.isPresent() ? " AND (" + substrings.contains("name") + " OR "
                  + substrings.contains("email") + " OR " + substrings.contains("external_id") + ")" : "")
              + " ORDER BY workspace_id, id LIMIT :limit")
          .bind("ws", workspaceId).bind("after", page.cursor().orElse("")).bind("limit", page.limit() + 1);
      text.ifPresent(t -> substrings.bind(q, t));
      return q.map((rs, x) -> map(rs)).list();
    });
    return Page.Result.of(rows, page.limit(), Contact::id);
  }

  /** Summaries of the given contacts (deleted ones too), for snapshots that embed them. */
  public Map<String, ContactSummary> summaries(Handle h, String workspaceId, Collection<String> ids) {
    Map<String, ContactSummary> out = new HashMap<>();
    byIds(h, workspaceId, ids).forEach(c -> out.put(c.id(), c.summary()));
    return out;
  }

  /** The contacts with these ids (any that exist in the workspace), for lists that show names. */
  public List<Contact> getAll(String workspaceId, Collection<String> ids) {
    return ids.isEmpty() ? List.of() : jdbi.withHandle(h -> byIds(h, workspaceId, ids));
  }

  /**
   * The contacts of the workspace among these ids, found by the primary key. The workspace is
   * checked on the rows: given {@code workspace_id = :ws} as well, H2 chose contacts_workspace
   * (workspace_id, id), where it cannot look an IN list up in the second column, and read every
   * contact of the workspace (twice for each page of the desk).
   */
  private List<Contact> byIds(Handle h, String workspaceId, Collection<String> ids) {
    if (ids.isEmpty()) return List.of();
    return h.createQuery("SELECT workspace_id, " + COLUMNS + " FROM contacts WHERE id IN (<ids>)")
        .bindList("ids", List.copyOf(new HashSet<>(ids)))
        .map((rs, x) -> workspaceId.equals(rs.getString("workspace_id")) ? map(rs) : null)
        .list().stream().filter(Objects::nonNull).toList();
  }

  /**
   * Up to {@code limit} ids of live contacts whose name or email contains {@code text}, any case.
   * The order names the workspace too, so that H2 reads its index in order and stops at the
   * limit when many match.
   */
  public List<String> idsMatching(String workspaceId, String text, int limit) {
    return jdbi.withHandle(h -> substrings.bind(h.createQuery("SELECT id FROM "
            + substrings.scanned("contacts", "contacts_search") + " WHERE workspace_id = :ws "
            + "AND deleted_at IS NULL AND (" + substrings.contains("name") + " OR "
            + substrings.contains("email") + ") ORDER BY workspace_id, id LIMIT :limit"), text)
        .bind("ws", workspaceId).bind("limit", limit).mapTo(String.class).list());
  }

  public Contact block(String workspaceId, Actor actor, String id) {
    return change(workspaceId, actor, id, "contact.blocked", c -> {
      if (c.blocked()) throw new Conflict("Contact " + id + " is already blocked");
      return "UPDATE contacts SET blocked = TRUE WHERE id = :id";
    });
  }

  public Contact subscribe(String workspaceId, Actor actor, String id) {
    return change(workspaceId, actor, id, "contact.subscribed_by_email", c -> {
      if (c.email() == null) throw new Conflict("Contact " + id + " has no email address to subscribe");
      if (c.emailSubscribed()) throw new Conflict("Contact " + id + " is already subscribed");
      return "UPDATE contacts SET email_subscribed = TRUE WHERE id = :id";
    });
  }

  /** Erases the personal data and marks the contact deleted; its id stays on history. */
  public Contact delete(String workspaceId, Actor actor, String id) {
    return change(workspaceId, actor, id, "contact.deleted", c -> "UPDATE contacts SET name = NULL, "
        + "email = NULL, phone = NULL, external_id = NULL, email_subscribed = FALSE, deleted_at = :now "
        + "WHERE id = :id");
  }

  private interface Transition {
    String sql(Contact before);
  }

  private Contact change(String workspaceId, Actor actor, String id, String type, Transition t) {
    return jdbi.inTransaction(h -> {
      Contact before = lock(h, workspaceId, id);
      h.createUpdate(t.sql(before)).bind("id", id).bind("now", clock.instant()).execute();
      Contact after = get(h, workspaceId, id);
      emit(h, workspaceId, actor, type, after, null);
      return after;
    });
  }

  /** Reads a contact for a change with a row lock; a deleted contact is gone for changes. */
  private Contact lock(Handle h, String workspaceId, String id) {
    Contact c = h.createQuery("SELECT " + COLUMNS + " FROM contacts WHERE id = :id "
            + "AND workspace_id = :ws FOR UPDATE")
        .bind("id", id).bind("ws", workspaceId).map((rs, x) -> map(rs)).findOne()
        .orElseThrow(() -> new NotFound("Contact", id));
    if (c.deleted()) throw new NotFound("Contact", id);
    return c;
  }

  private void emit(Handle h, String workspaceId, Actor actor, String type, Contact c,
      Map<String, ContactEdit.Change> changes) {
    ObjectNode data = mapper.createObjectNode();
    data.set("contact", mapper.valueToTree(c));
    if (changes != null) data.set("changes", mapper.valueToTree(changes));
    events.appendAtCommit(h, new EventDraft(workspaceId, type, actor, data));
  }

  private static Contact map(ResultSet rs) throws SQLException {
    var deleted = rs.getTimestamp("deleted_at");
    return new Contact(rs.getString("id"), rs.getString("name"), rs.getString("email"),
        rs.getString("phone"), rs.getString("external_id"), rs.getBoolean("blocked"), rs.getBoolean("email_subscribed"),
        rs.getTimestamp("created_at").toInstant(), deleted == null ? null : deleted.toInstant());
  }
}

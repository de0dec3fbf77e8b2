package dev.hookdesk.desk.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookdesk.console.ConsoleGate;
import dev.hookdesk.console.ConsoleSession;
import dev.hookdesk.core.DomainException;
import dev.hookdesk.core.DomainException.Conflict;
import dev.hookdesk.core.DomainException.FieldError;
import dev.hookdesk.core.DomainException.Invalid;
import dev.hookdesk.desk.contacts.Contact;
import dev.hookdesk.desk.contacts.ContactEdit;
import dev.hookdesk.desk.contacts.ContactRoutes;
import dev.hookdesk.desk.contacts.ContactService;
import dev.hookdesk.desk.tickets.TicketService;
import dev.hookdesk.http.JsonBody;
import dev.hookdesk.http.Page;
import dev.hookdesk.http.Router;
import dev.hookdesk.http.Routes;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code /desk/contacts}: the list with search and paging, a contact's page with their tickets,
 * and Edit, Block and Delete, each the API's action (same checks, same event, {@code via:
 * "console"}).
 */
public final class ContactPages implements Routes {
  static final String BASE = "/desk/contacts";
  static final int PAGE_SIZE = 25;
  static final int TICKETS = 50;
  private static final Map<String, String> NOTICES = Map.of("saved", "Saved.",
      "blocked", "Blocked: their new chats are refused and new tickets go to spam.",
      "deleted", "The contact is deleted; their personal data is erased.");

  private final ConsoleGate gate;
  private final ContactService contacts;
  private final TicketService tickets;
  private final ObjectMapper mapper;

  public ContactPages(ConsoleGate gate, ContactService contacts, TicketService tickets,
      ObjectMapper mapper) {
    this.gate = Objects.requireNonNull(gate);
    this.contacts = Objects.requireNonNull(contacts);
    this.tickets = Objects.requireNonNull(tickets);
    this.mapper = Objects.requireNonNull(mapper);
  }

  @Override
  public void register(Router router) {
    var r = router.raw();
    r.get(BASE, gate.desk(this::list));
    r.get(BASE + "/{id}", gate.desk((ctx, s) -> {
      Contact c = contacts.get(s.workspaceId(), id(ctx));
      detail(ctx, s, 200, c, ContactViews.Form.of(c), Map.of());
    }));
    r.post(BASE + "/{id}/edit", gate.deskForm(this::edit));
    r.post(BASE + "/{id}/block", gate.deskForm((ctx, s) -> {
      contacts.block(s.workspaceId(), s.actor(), id(ctx));
      ctx.redirect(BASE + "/" + id(ctx) + "?notice=blocked", HttpStatus.SEE_OTHER);
    }));
    r.get(BASE + "/{id}/delete", gate.desk((ctx, s) -> {
      Contact c = contacts.get(s.workspaceId(), id(ctx));
      if (c.deleted()) throw new DomainException.NotFound("Contact", c.id());
      gate.templates().send(ctx, 200, "desk/contact_delete.jte",
          new ContactViews.Delete(DeskChrome.of(s, "Delete " + label(c), "contacts"), c));
    }));
    r.post(BASE + "/{id}/delete", gate.deskForm((ctx, s) -> {
      contacts.delete(s.workspaceId(), s.actor(), id(ctx));
      ctx.redirect(BASE + "?notice=deleted", HttpStatus.SEE_OTHER);
    }));
  }

  private void list(Context ctx, ConsoleSession s) {
    String query = Optional.ofNullable(ctx.queryParam("q")).orElse("").strip();
    Page.Result<Contact> page = contacts.search(s.workspaceId(), Optional.of(query),
        new Page(PAGE_SIZE, Optional.ofNullable(ctx.queryParam("cursor"))));
    List<ContactViews.Row> rows = page.data().stream().map(c -> new ContactViews.Row(c.id(),
        c.name(), c.email(), c.externalId(), c.blocked())).toList();
    String next = page.nextCursor() == null ? null : BASE + "?q="
        + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&cursor=" + page.nextCursor();
    gate.templates().send(ctx, 200, "desk/contacts.jte", new ContactViews.Listing(
        DeskChrome.of(s, "Contacts", "contacts"), query, rows, next, notice(ctx)));
  }

  /** The form goes through the API's reader and service; what they refuse is shown by its field. */
  private void edit(Context ctx, ConsoleSession s) {
    ContactViews.Form typed = new ContactViews.Form(field(ctx, "name"), field(ctx, "email"),
        field(ctx, "phone"), field(ctx, "external_id"));
    ObjectNode body = mapper.createObjectNode();
    put(body, "name", typed.name());
    put(body, "email", typed.email());
    put(body, "phone", typed.phone());
    put(body, "external_id", typed.externalId());
    try {
      JsonBody b = new JsonBody(body);
      ContactEdit edit = ContactRoutes.readEdit(b);
      b.done();
      contacts.update(s.workspaceId(), s.actor(), id(ctx), edit);
      ctx.redirect(BASE + "/" + id(ctx) + "?notice=saved", HttpStatus.SEE_OTHER);
    } catch (Invalid | Conflict e) {
      Map<String, List<String>> errors = new LinkedHashMap<>();
      List<FieldError> fieldErrors = e.errors().isEmpty()
          ? List.of(new FieldError("name", e.getMessage())) : e.errors();
      for (FieldError f : fieldErrors) {
        errors.computeIfAbsent(f.field(), k -> new ArrayList<>()).add(f.message());
      }
      detail(ctx, s, e.status(), contacts.get(s.workspaceId(), id(ctx)), typed, errors);
    }
  }

  private void detail(Context ctx, ConsoleSession s, int status, Contact c, ContactViews.Form form,
      Map<String, List<String>> errors) {
    List<ContactViews.TicketLine> lines = tickets.requestedBy(s.workspaceId(), c.id(), TICKETS)
        .stream().map(t -> new ContactViews.TicketLine(t.id(), t.subject(), t.status(),
            t.updatedAt().truncatedTo(ChronoUnit.SECONDS).toString())).toList();
    gate.templates().send(ctx, status, "desk/contact.jte", new ContactViews.Detail(
        DeskChrome.of(s, label(c), "contacts"), c, lines, form, errors,
        errors.isEmpty() ? notice(ctx) : null));
  }

  static String label(Contact c) {
    return c.deleted() ? "Deleted contact" : c.summary().label();
  }

  /** An empty field clears the value, as {@code null} does in the API. */
  private static void put(ObjectNode body, String field, String value) {
    if (value.isEmpty()) body.putNull(field); else body.put(field, value);
  }

  private static String field(Context ctx, String name) {
    String v = ctx.formParam(name);
    return v == null ? "" : v.strip();
  }

  private static String notice(Context ctx) {
    return NOTICES.get(Optional.ofNullable(ctx.queryParam("notice")).orElse(""));
  }

  private static String id(Context ctx) {
    return ctx.pathParam("id");
  }
}

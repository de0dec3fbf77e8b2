package dev.hookdesk.desk.contacts;

import dev.hookdesk.http.Access;
import dev.hookdesk.http.Call;
import dev.hookdesk.http.JsonBody;
import dev.hookdesk.http.Router;
import dev.hookdesk.http.Routes;
import java.util.Objects;
import java.util.Optional;

/** {@code /contacts}: create, read, block, delete, subscribe by email. */
public final class ContactRoutes implements Routes {
  private final ContactService contacts;

  public ContactRoutes(ContactService contacts) {
    this.contacts = Objects.requireNonNull(contacts);
  }

  @Override
  public void register(Router r) {
    r.post("/contacts", Access.DESK, this::create);
    r.get("/contacts", Access.DESK, c -> c.ok(contacts.list(c.workspaceId(), c.page())));
    r.get("/contacts/{id}", Access.DESK, c -> c.ok(contacts.get(c.workspaceId(), c.path("id"))));
    r.post("/contacts/{id}/block", Access.DESK,
        c -> c.ok(contacts.block(c.workspaceId(), c.actor(), c.path("id"))));
    r.post("/contacts/{id}/email-subscription", Access.DESK,
        c -> c.ok(contacts.subscribe(c.workspaceId(), c.actor(), c.path("id"))));
    r.delete("/contacts/{id}", Access.DESK,
        c -> c.ok(contacts.delete(c.workspaceId(), c.actor(), c.path("id"))));
  }

  private void create(Call c) {
    JsonBody b = c.body().allow("name", "email", "phone");
    ContactService.NewContact n = read(b);
    b.done();
    c.created(contacts.create(c.workspaceId(), c.actor(), n));
  }

  /**
   * Reads {@code {name?, email?, phone?}} (at least a name or an email); shared by the
   * inline contacts of tickets and chats.
   */
  public static ContactService.NewContact read(JsonBody b) {
    Optional<String> name = b.optString("name", 200);
    Optional<String> email = b.optString("email", 320);
    Optional<String> phone = b.optString("phone", 64);
    email.ifPresent(e -> {
      if (!e.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) b.error("email", "'" + e + "' is not an email address");
    });
    phone.ifPresent(p -> {
      if (!p.matches("\\+?[0-9 ()./-]{3,64}")) b.error("phone", "'" + p + "' is not a phone number");
    });
    if (name.isEmpty() && email.isEmpty() && b.ok()) b.error("name", "give a name or an email");
    return new ContactService.NewContact(name.orElse(null), email.orElse(null), phone.orElse(null));
  }
}

package dev.hookdesk.desk.contacts;

import dev.hookdesk.http.Access;
import dev.hookdesk.http.Call;
import dev.hookdesk.http.JsonBody;
import dev.hookdesk.http.Router;
import dev.hookdesk.http.Routes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@code /contacts}: create, read, update, block, delete, subscribe by email. */
public final class ContactRoutes implements Routes {
  private static final Map<String, Integer> MAX_LENGTH =
      Map.of("name", 200, "email", 320, "phone", 64, "external_id", 200);

  private final ContactService contacts;

  public ContactRoutes(ContactService contacts) {
    this.contacts = Objects.requireNonNull(contacts);
  }

  @Override
  public void register(Router r) {
    r.post("/contacts", Access.DESK, this::create);
    r.get("/contacts", Access.DESK, c -> c.ok(contacts.list(c.workspaceId(), c.page())));
    r.get("/contacts/{id}", Access.DESK, c -> c.ok(contacts.get(c.workspaceId(), c.path("id"))));
    r.patch("/contacts/{id}", Access.DESK, this::update);
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

  private void update(Call c) {
    JsonBody b = c.body().allow(ContactEdit.FIELDS.toArray(String[]::new));
    ContactEdit edit = readEdit(b);
    b.done();
    c.ok(contacts.update(c.workspaceId(), c.actor(), c.path("id"), edit));
  }

  /**
   * Reads {@code {name?, email?, phone?}} (at least a name or an email); shared by the
   * inline contacts of tickets and chats.
   */
  public static ContactService.NewContact read(JsonBody b) {
    Optional<String> name = field(b, "name");
    Optional<String> email = field(b, "email");
    Optional<String> phone = field(b, "phone");
    if (name.isEmpty() && email.isEmpty() && b.ok()) b.error("name", "give a name or an email");
    return new ContactService.NewContact(name.orElse(null), email.orElse(null), phone.orElse(null));
  }

  /**
   * Reads a patch {@code {name?, email?, phone?, external_id?}}, where {@code null} clears a
   * field; shared by the desk's Edit form, which sends what it shows in the same shape.
   */
  public static ContactEdit readEdit(JsonBody b) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String f : ContactEdit.FIELDS) {
      if (!b.raw().has(f)) continue;
      if (b.raw().get(f).isNull()) {
        values.put(f, null);
      } else {
        field(b, f).ifPresent(v -> values.put(f, v));
      }
    }
    if (b.raw().isEmpty()) b.error("name", "give at least one of " + String.join(", ", ContactEdit.FIELDS));
    return new ContactEdit(values);
  }

  private static Optional<String> field(JsonBody b, String name) {
    Optional<String> v = b.optString(name, MAX_LENGTH.get(name));
    v.ifPresent(value -> {
      if (name.equals("email") && !value.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
        b.error("email", "'" + value + "' is not an email address");
      } else if (name.equals("phone") && !value.matches("\\+?[0-9 ()./-]{3,64}")) {
        b.error("phone", "'" + value + "' is not a phone number");
      }
    });
    return v.filter(x -> !b.hasError(name));
  }
}

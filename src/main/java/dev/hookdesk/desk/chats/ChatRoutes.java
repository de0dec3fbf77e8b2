package dev.hookdesk.desk.chats;

import dev.hookdesk.core.DomainException.Invalid;
import dev.hookdesk.desk.contacts.ContactRoutes;
import dev.hookdesk.desk.contacts.ContactService;
import dev.hookdesk.http.Access;
import dev.hookdesk.http.Call;
import dev.hookdesk.http.JsonBody;
import dev.hookdesk.http.Router;
import dev.hookdesk.http.Routes;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@code /chats}: the endpoints of SPEC §3's chat table; bodies are read and checked here. */
public final class ChatRoutes implements Routes {
  static final List<String> TYPES = List.of("request", "push");
  static final List<String> AUTHORS = List.of("contact", "agent", "bot", "system");
  static final List<String> ACTION_BY = List.of("contact", "agent", "system");
  static final List<String> CALLBACK_TYPES = List.of("phone", "chat");

  private final ChatService chats;
  private final ChatParticipants participants;
  private final ChatActions actions;
  private final ChatEnding ending;

  public ChatRoutes(ChatService chats, ChatParticipants participants, ChatActions actions,
      ChatEnding ending) {
    this.chats = Objects.requireNonNull(chats);
    this.participants = Objects.requireNonNull(participants);
    this.actions = Objects.requireNonNull(actions);
    this.ending = Objects.requireNonNull(ending);
  }

  @Override
  public void register(Router r) {
    r.post("/chats", Access.DESK, this::create);
    r.get("/chats", Access.DESK, this::list);
    r.get("/chats/{id}", Access.DESK, c -> c.ok(chats.get(c.workspaceId(), c.path("id"))));
    r.post("/chats/{id}/messages", Access.DESK, this::message);
    r.get("/chats/{id}/messages", Access.DESK,
        c -> c.ok(chats.messages(c.workspaceId(), c.path("id"), c.page())));
    new ChatMemberRoutes(participants).register(r);
    new ChatSideRoutes(actions, ending).register(r);
  }

  private void create(Call c) {
    JsonBody b = c.body().allow("source", "contact_id", "contact", "message", "type", "reference");
    String source = b.string("source", 64);
    Optional<String> contactId = b.optString("contact_id", 40);
    Optional<ContactService.NewContact> inline = b.optObject("contact").map(o -> {
      o.allow("name", "email", "phone");
      return ContactRoutes.read(o);
    });
    if (contactId.isPresent() == inline.isPresent() && !b.hasError("contact_id") && !b.hasError("contact")) {
      b.error("contact_id", "give either contact_id or contact {name, email, phone?}, not both or neither");
    }
    Optional<String> message = b.optString("message", 10_000);
    String type = b.optOneOf("type", TYPES).orElse("request");
    Optional<String> reference = b.optString("reference", 40);
    reference.ifPresent(ref -> {
      if (!ref.startsWith("tkt_")) b.error("reference", "must be a ticket id (tkt_…)");
    });
    b.done();
    c.created(chats.create(c.workspaceId(), c.actor(), new ChatService.NewChat(source, type,
        contactId, inline, message, reference.orElse(null))));
  }

  private void list(Call c) {
    Optional<String> status = c.query("status");
    if (status.isPresent() && !ChatStatus.ALL.contains(status.get())) {
      throw new Invalid("status",
          "'" + status.get() + "' is not a chat status; use one of " + String.join(", ", ChatStatus.ALL));
    }
    c.ok(chats.list(c.workspaceId(), status, c.page()));
  }

  private void message(Call c) {
    JsonBody b = c.body().allow("author_type", "author_id", "text");
    String authorType = b.oneOf("author_type", AUTHORS);
    Optional<String> authorId = b.optString("author_id", 40);
    String text = b.string("text", 10_000);
    if (("agent".equals(authorType) || "bot".equals(authorType)) && authorId.isEmpty()
        && !b.hasError("author_id")) {
      b.error("author_id", "is required for a message from an " + authorType);
    }
    if ("system".equals(authorType) && authorId.isPresent()) {
      b.error("author_id", "a system message has no author_id");
    }
    c.principal().refusesAuthor(authorType, authorId.orElse(null))
        .ifPresent(m -> b.error("author_id", m));
    b.done();
    c.created(chats.post(c.workspaceId(), c.path("id"), c.actor(), authorType,
        authorId.orElse(null), text).message());
  }
}

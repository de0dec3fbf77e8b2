package dev.hookdesk.widget;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookdesk.core.Actor;
import dev.hookdesk.core.DomainException.Conflict;
import dev.hookdesk.core.DomainException.Forbidden;
import dev.hookdesk.core.DomainException.Invalid;
import dev.hookdesk.core.DomainException.NotFound;
import dev.hookdesk.desk.chats.Chat;
import dev.hookdesk.desk.chats.ChatActions;
import dev.hookdesk.desk.chats.ChatEnding;
import dev.hookdesk.desk.chats.ChatInput;
import dev.hookdesk.desk.chats.ChatService;
import dev.hookdesk.desk.contacts.Contact;
import dev.hookdesk.desk.contacts.ContactService;
import dev.hookdesk.desk.sources.SourceIdentity;
import dev.hookdesk.desk.sources.SourceService;
import dev.hookdesk.http.Call;
import dev.hookdesk.http.JsonBody;
import dev.hookdesk.http.Page;
import dev.hookdesk.http.Router;
import dev.hookdesk.http.Routes;
import dev.hookdesk.live.LiveEvents;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.function.BiConsumer;

/** {@code /widget/v1}: the visitor API of SPEC §10. */
public final class WidgetRoutes implements Routes {
  static final String BASE = "/widget/v1";
  private static final String SOURCE_OR_WORKSPACE =
      "is not a workspace and chat source that takes visitors";

  private final ChatService chats;
  private final ChatActions actions;
  private final ChatEnding ending;
  private final ContactService contacts;
  private final SourceService sources;
  private final SourceIdentity identity;
  private final VisitorSessions sessions;
  private final WidgetGate gate;
  private final WidgetStream stream;
  private final VisitorView view;
  private final LiveEvents live;
  private final ObjectMapper mapper;

  public WidgetRoutes(WidgetParts parts) {
    this.chats = parts.chats();
    this.actions = parts.chatActions();
    this.ending = parts.chatEnding();
    this.contacts = parts.contacts();
    this.sources = parts.sources();
    this.identity = parts.identity();
    this.live = parts.live();
    this.mapper = parts.mapper();
    this.sessions = new VisitorSessions(parts.jdbi(), parts.ids(), parts.clock());
    this.gate = new WidgetGate(sources, sessions, parts.ownOrigin(), parts.clock());
    this.view = new VisitorView(mapper);
    this.stream = new WidgetStream(live, view);
  }

  @Override
  public void register(Router router) {
    RoutesConfig r = router.raw();
    r.before(BASE + "/*", gate::before);
    r.options(BASE + "/*", gate::preflight);
    r.post(BASE + "/sessions", ctx -> session(router, call(router, ctx)));
    r.post(BASE + "/chats", ctx -> {
      Visitor v = gate.visitor(ctx, false);
      router.admitWrite(v.workspaceId());
      start(call(router, ctx), v);
    });
    r.get(BASE + "/chats/current", ctx -> current(call(router, ctx), gate.visitor(ctx, false)));
    onChat(router, "messages", (c, in) -> {
      JsonBody b = c.body().allow("text");
      String text = b.string("text", ChatInput.MAX_TEXT);
      b.done();
      var posted = chats.post(in.v.workspaceId(), in.chatId, in.v.actor(), "contact", null, text);
      c.created(view.message(mapper.valueToTree(posted.message()), mapper.valueToTree(posted.chat())));
    });
    onChat(router, "rating", (c, in) -> c.ok(chatView(ending.rate(in.v.workspaceId(), in.chatId,
        in.v.actor(), ChatInput.rating(c.body())))));
    onChat(router, "callback", (c, in) -> c.ok(chatView(actions.callback(in.v.workspaceId(),
        in.chatId, in.v.actor(), ChatInput.callback(c.body())))));
    onChat(router, "abandon", (c, in) -> {
      c.body().allow().done();
      c.ok(chatView(ending.abandon(in.v.workspaceId(), in.chatId, in.v.actor())));
    });
    onChat(router, "transcript", (c, in) -> {
      String email = ChatInput.transcriptEmail(c.body());
      actions.transcript(in.v.workspaceId(), in.chatId, in.v.actor(), email);
      // Recorded as chat.transcript_sent for integrations; Hookdesk sends no mail itself yet.
      c.ok(mapper.createObjectNode().put("email", email).put("requested", true));
    });
    r.get(BASE + "/chats/{id}/stream", ctx -> {
      Visitor v = gate.visitor(ctx, true);
      stream.serve(ctx, v, own(v, ctx.pathParam("id")));
    });
  }

  private record OwnChat(Visitor v, String chatId) {}

  private void onChat(Router router, String action, BiConsumer<Call, OwnChat> endpoint) {
    router.raw().post(BASE + "/chats/{id}/" + action, ctx -> {
      Visitor v = gate.visitor(ctx, false);
      router.admitWrite(v.workspaceId());
      endpoint.accept(call(router, ctx), new OwnChat(v, own(v, ctx.pathParam("id"))));
    });
  }

  private static Call call(Router router, Context ctx) {
    return Call.of(ctx, router.mapper());
  }

  /** The id of the visitor's own chat; any other id answers 404, as an id that does not exist. */
  private String own(Visitor v, String chatId) {
    if (!chats.startedBy(v.workspaceId(), chatId, v.contactId())) throw new NotFound("Chat", chatId);
    return chatId;
  }

  private void session(Router router, Call c) {
    JsonBody b = c.body().allow("workspace_id", "source", "name", "email", "user_id", "user_hash");
    String ws = b.string("workspace_id", 40);
    String source = b.string("source", 64);
    Optional<String> name = b.optString("name", 200);
    Optional<String> email = b.optString("email", 320);
    email.ifPresent(e -> {
      if (!e.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) b.error("email", "'" + e + "' is not an email address");
    });
    Optional<String> userId = b.optString("user_id", 200);
    Optional<String> userHash = b.optString("user_hash", 64);
    if (userId.isPresent() != userHash.isPresent() && !b.hasError("user_id") && !b.hasError("user_hash")) {
      b.error("user_hash", "give user_id and user_hash together (user_hash = hex HMAC-SHA256 "
          + "of user_id with the source's identity secret)");
    }
    b.done();
    router.admitWrite(ws);
    if (sources.find(ws, source).isEmpty()) throw new Invalid("source", "'" + source + "' " + SOURCE_OR_WORKSPACE);
    gate.opening(c.ctx(), ws, source);
    var details = new ContactService.NewContact(name.orElse(null), email.orElse(null), null);
    Actor actor = new Actor("contact", null, "widget");
    Contact contact;
    if (userId.isPresent()) {
      if (!identity.verifies(ws, source, userId.get(), userHash.get())) {
        throw new Forbidden("user_hash does not match user_id for this source's identity secret");
      }
      contact = contacts.forExternalId(ws, actor, userId.get(), details);
    } else {
      // Never matched by email: anyone can type an address, so an unverified visitor is new.
      contact = contacts.create(ws, actor, details);
    }
    var opened = sessions.open(ws, source, contact.id());
    ObjectNode out = mapper.createObjectNode();
    out.put("visitor_token", opened.visitorToken());
    out.put("stream_key", opened.streamKey());
    out.put("contact_id", contact.id());
    c.created(out);
  }

  private void start(Call c, Visitor v) {
    JsonBody b = c.body().allow("message");
    Optional<String> message = b.optString("message", ChatInput.MAX_TEXT);
    b.done();
    chats.latestOf(v.workspaceId(), v.contactId()).filter(ch -> ch.closedAt() == null).ifPresent(ch -> {
      throw new Conflict("Chat " + ch.id() + " is still open; continue it or end it first");
    });
    long after = live.now(v.workspaceId());
    Chat chat = chats.create(v.workspaceId(), v.actor(), new ChatService.NewChat(v.source(), "request",
        Optional.of(v.contactId()), Optional.empty(), message, null));
    c.created(conversation(v, Optional.of(chat), after));
  }

  private void current(Call c, Visitor v) {
    long after = live.now(v.workspaceId()); // read first: what commits later comes by the stream
    c.ok(conversation(v, chats.latestOf(v.workspaceId(), v.contactId()), after));
  }

  /** {@code stream_after} is where the chat's stream takes over from {@code messages}. */
  private ObjectNode conversation(Visitor v, Optional<Chat> chat, long after) {
    ObjectNode out = mapper.createObjectNode();
    var messages = out.putArray("messages");
    if (chat.isPresent()) {
      JsonNode snapshot = mapper.valueToTree(chat.get());
      out.set("chat", view.chat(snapshot));
      chats.messages(v.workspaceId(), chat.get().id(), new Page(Page.MAX_LIMIT, Optional.empty()))
          .data().forEach(m -> messages.add(view.message(mapper.valueToTree(m), snapshot)));
    } else {
      out.putNull("chat");
    }
    out.put("stream_after", Long.toString(after));
    return out;
  }

  private ObjectNode chatView(Chat chat) {
    return mapper.createObjectNode().set("chat", view.chat(mapper.valueToTree(chat)));
  }
}

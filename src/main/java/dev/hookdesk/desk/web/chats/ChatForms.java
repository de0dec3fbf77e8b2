package dev.hookdesk.desk.web.chats;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookdesk.console.ConsoleGate;
import dev.hookdesk.console.ConsoleSession;
import dev.hookdesk.core.DomainException;
import dev.hookdesk.core.DomainException.Conflict;
import dev.hookdesk.core.DomainException.Invalid;
import dev.hookdesk.desk.agents.AgentService;
import dev.hookdesk.desk.chats.Chat;
import dev.hookdesk.desk.chats.ChatEnding;
import dev.hookdesk.desk.chats.ChatInput;
import dev.hookdesk.desk.chats.ChatParticipants;
import dev.hookdesk.desk.chats.ChatService;
import dev.hookdesk.http.JsonBody;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import java.util.Map;
import java.util.Optional;

/**
 * The console's forms. Each reads its fields as the API reads its body, then calls the service
 * the API calls, as the signed-in agent ({@code via: "console"}). htmx posts get the fragment
 * back (the error beside the control, with 409 or 422); plain posts get the page.
 */
final class ChatForms {
  /** Renders the whole page again: after a plain post that failed. */
  @FunctionalInterface
  interface PageAgain {
    void show(Context ctx, ConsoleSession s, String chatId, int status, ChatPages.Shown shown);
  }

  @FunctionalInterface
  private interface Action {
    void run(Context ctx, Viewer v, Chat chat);
  }

  private static final Map<String, String> LABELS = Map.of("text", "Message", "note", "Note",
      "agent_id", "Agent", "status", "Status");

  private final ConsoleGate gate;
  private final ChatService chats;
  private final ChatParticipants participants;
  private final ChatEnding ending;
  private final AgentService agents;
  private final ChatConsole console;
  private final PageAgain page;

  ChatForms(ConsoleGate gate, ChatService chats, ChatParticipants participants, ChatEnding ending,
      AgentService agents, ChatConsole console, PageAgain page) {
    this.gate = gate;
    this.chats = chats;
    this.participants = participants;
    this.ending = ending;
    this.agents = agents;
    this.console = console;
    this.page = page;
  }

  void register(RoutesConfig r) {
    r.post("/desk/chats/status", gate.deskForm(this::status));
    r.post("/desk/chats/{id}/messages", action("message", (ctx, v, chat) -> {
      JsonBody b = body(ctx, "text");
      String text = b.string("text", ChatInput.MAX_TEXT);
      b.done();
      boolean inChat = chat.participants().stream().anyMatch(p -> p.id().equals(v.agentId()));
      if (!inChat && chat.closedAt() == null) {
        throw new Conflict("Join the chat to send messages in it.");
      }
      chats.post(v.workspaceId(), chat.id(), v.actor(), "agent", v.agentId(), text);
    }));
    r.post("/desk/chats/{id}/join", action("join",
        (ctx, v, chat) -> participants.join(v.workspaceId(), chat.id(), v.actor(), v.agentId())));
    r.post("/desk/chats/{id}/leave", action("leave",
        (ctx, v, chat) -> participants.leave(v.workspaceId(), chat.id(), v.actor(), v.agentId())));
    r.post("/desk/chats/{id}/close", action("close", (ctx, v, chat) -> {
      JsonBody b = body(ctx, "note");
      Optional<String> note = b.optString("note", 2000);
      b.done();
      ending.close(v.workspaceId(), chat.id(), v.actor(), note.orElse(null));
    }));
    r.post("/desk/chats/{id}/invitations", action("invite", (ctx, v, chat) -> {
      JsonBody b = body(ctx, "agent_id");
      String agentId = b.string("agent_id", 40);
      b.done();
      participants.invite(v.workspaceId(), chat.id(), v.actor(), agentId);
    }));
    r.post("/desk/chats/{id}/invitations/{inv}/accept", action("invitation",
        (ctx, v, chat) -> answer(ctx, v, chat, true)));
    r.post("/desk/chats/{id}/invitations/{inv}/reject", action("invitation",
        (ctx, v, chat) -> answer(ctx, v, chat, false)));
  }

  private void answer(Context ctx, Viewer v, Chat chat, boolean accept) {
    String inv = ctx.pathParam("inv");
    boolean mine = chat.invitations().stream()
        .anyMatch(i -> i.id().equals(inv) && i.agentId().equals(v.agentId()));
    if (!mine) throw new Conflict("This invitation is not yours, or it was answered already.");
    participants.answer(v.workspaceId(), chat.id(), inv, v.actor(), accept);
  }

  private void status(Context ctx, ConsoleSession s) {
    Viewer v = Viewer.of(s);
    try {
      JsonBody b = body(ctx, "status");
      String status = b.oneOf("status", AgentService.STATUSES);
      b.done();
      agents.update(v.workspaceId(), v.agentId(), new AgentService.AgentChanges(Optional.empty(),
          Optional.of(status), Optional.empty(), Optional.empty(), Optional.empty(),
          Optional.empty(), Optional.empty(), Optional.empty()));
    } catch (Invalid e) {
      if (htmx(ctx)) {
        fragment(ctx, e.status(), "desk/chat_status.jte", console.status(v, message(e)));
      } else {
        page.show(ctx, s, null, e.status(), new ChatPages.Shown(Map.of("status", message(e)), "", ""));
      }
      return;
    }
    if (htmx(ctx)) {
      fragment(ctx, 200, "desk/chat_status.jte", console.status(v, null));
    } else {
      ctx.redirect("/desk/chats", HttpStatus.SEE_OTHER);
    }
  }

  private Handler action(String control, Action action) {
    return gate.deskForm((ctx, s) -> {
      Viewer v = Viewer.of(s);
      Chat chat = console.visible(v, ctx.pathParam("id"));
      try {
        action.run(ctx, v, chat);
      } catch (Invalid | Conflict e) {
        failed(ctx, s, v, chat.id(), control, e);
        return;
      }
      done(ctx, v, chat.id(), control);
    });
  }

  private void failed(Context ctx, ConsoleSession s, Viewer v, String chatId, String control,
      DomainException e) {
    String text = control.equals("message") ? field(ctx, "text") : "";
    String note = control.equals("close") ? field(ctx, "note") : "";
    if (!htmx(ctx)) {
      page.show(ctx, s, chatId, e.status(), new ChatPages.Shown(Map.of(control, message(e)), text, note));
      return;
    }
    Chat chat = chats.get(v.workspaceId(), chatId);
    if (control.equals("message")) {
      fragment(ctx, e.status(), "desk/chat_compose.jte", console.compose(v, chat, text, message(e)));
    } else {
      fragment(ctx, e.status(), "desk/chat_panel.jte", console.panel(v, chat, Map.of(control, message(e)), note));
    }
  }

  private void done(Context ctx, Viewer v, String chatId, String control) {
    Chat chat = chats.get(v.workspaceId(), chatId);
    boolean sees = console.sees(v, chat);
    if (!htmx(ctx)) {
      ctx.redirect(sees ? "/desk/chats/" + chatId : "/desk/chats", HttpStatus.SEE_OTHER);
    } else if (!sees) {
      ctx.header("HX-Redirect", "/desk/chats").status(200);
    } else if (control.equals("message")) {
      fragment(ctx, 200, "desk/chat_compose.jte", console.compose(v, chat, "", null));
    } else {
      fragment(ctx, 200, "desk/chat_panel.jte", console.panel(v, chat, Map.of(), ""));
    }
  }

  /** The form's fields as a JSON body, so they are read with the API's own rules and messages. */
  private static JsonBody body(Context ctx, String... fields) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    for (String f : fields) {
      String v = ctx.formParam(f);
      if (v != null) node.put(f, v);
    }
    return new JsonBody(node).allow(fields);
  }

  private static String message(DomainException e) {
    if (e instanceof Invalid i && !i.errors().isEmpty()) {
      var first = i.errors().get(0);
      return LABELS.getOrDefault(first.field(), first.field()) + " " + first.message();
    }
    return e.getMessage();
  }

  private static String field(Context ctx, String name) {
    String v = ctx.formParam(name);
    return v == null ? "" : v;
  }

  private static boolean htmx(Context ctx) {
    return ctx.header("HX-Request") != null;
  }

  private void fragment(Context ctx, int status, String template, Object model) {
    gate.templates().send(ctx, status, template, model);
  }
}

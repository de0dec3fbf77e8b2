package dev.hookdesk.desk.web.chats;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookdesk.console.ConsoleGate;
import dev.hookdesk.console.ConsoleSession;
import dev.hookdesk.desk.agents.AgentService;
import dev.hookdesk.desk.chats.Chat;
import dev.hookdesk.desk.chats.ChatEnding;
import dev.hookdesk.desk.chats.ChatLists;
import dev.hookdesk.desk.chats.ChatParticipants;
import dev.hookdesk.desk.chats.ChatService;
import dev.hookdesk.desk.web.DeskChrome;
import dev.hookdesk.http.Router;
import dev.hookdesk.http.Routes;
import dev.hookdesk.live.LiveEvents;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Objects;

/**
 * {@code /desk/chats}: the console page (with a chat open at {@code /desk/chats/{id}}), the
 * fragments its live stream reloads, the stream itself, and its script and style.
 */
public final class ChatPages implements Routes {
  private final ConsoleGate gate;
  private final ChatConsole console;
  private final ChatStream stream;
  private final ChatForms forms;
  private final ChatAssets assets = new ChatAssets();

  public ChatPages(ConsoleGate gate, ChatService chats, ChatParticipants participants,
      ChatEnding ending, ChatLists lists, AgentService agents, LiveEvents live, ObjectMapper mapper) {
    this.gate = Objects.requireNonNull(gate);
    this.console = new ChatConsole(Objects.requireNonNull(chats), Objects.requireNonNull(lists),
        Objects.requireNonNull(agents), Objects.requireNonNull(mapper));
    this.stream = new ChatStream(Objects.requireNonNull(live), gate.templates());
    this.forms = new ChatForms(gate, chats, Objects.requireNonNull(participants),
        Objects.requireNonNull(ending), agents, console, this::page);
  }

  @Override
  public void register(Router router) {
    var r = router.raw();
    assets.register(r);
    // fixed paths first: they would otherwise read as chat ids
    r.get("/desk/chats", gate.desk((ctx, s) -> page(ctx, s, null, 200, Shown.NONE)));
    r.get("/desk/chats/live", gate.desk(this::live));
    r.get("/desk/chats/lists", gate.desk((ctx, s) -> {
      Viewer v = Viewer.of(s);
      String open = ctx.queryParam("open");
      send(ctx, 200, "desk/chat_lists.jte", console.lists(v, open == null ? "" : open));
    }));
    forms.register(r);
    r.get("/desk/chats/{id}", gate.desk((ctx, s) -> page(ctx, s, ctx.pathParam("id"), 200, Shown.NONE)));
    r.get("/desk/chats/{id}/panel", gate.desk((ctx, s) -> {
      Viewer v = Viewer.of(s);
      Chat chat = console.visible(v, ctx.pathParam("id"));
      send(ctx, 200, "desk/chat_panel.jte", console.panel(v, chat, Map.of(), ""));
    }));
  }

  /** What a page shows again after a failed form: the errors and what was typed. */
  record Shown(Map<String, String> errors, String text, String note) {
    static final Shown NONE = new Shown(Map.of(), "", "");
  }

  void page(Context ctx, ConsoleSession s, String chatId, int status, Shown shown) {
    Viewer v = Viewer.of(s);
    long after = stream.now(v); // read first: what commits later comes by the stream
    Chat chat = chatId == null ? null : console.visible(v, chatId);
    ChatViews.Open open = chat == null ? null : console.open(v, chat,
        console.compose(v, chat, shown.text(), shown.errors().get("message")), shown.errors(),
        shown.note());
    String live = "/desk/chats/live?after=" + after + (chat == null ? "" : "&chat=" + chat.id());
    String title = open == null ? "Chats" : open.title();
    send(ctx, status, "desk/chats.jte", new ChatViews.Console(DeskChrome.of(s, title, "chats"),
        console.status(v, shown.errors().get("status")), console.lists(v, chatId), open, live));
  }

  private void live(Context ctx, ConsoleSession s) throws Exception {
    Viewer v = Viewer.of(s);
    String chatId = ctx.queryParam("chat");
    if (chatId != null) console.visible(v, chatId);
    stream.serve(ctx, v, s.idHash(), chatId);
  }

  private void send(Context ctx, int status, String template, Object model) {
    gate.templates().send(ctx, status, template, model);
  }
}

package dev.hookdesk.desk.chats;

import dev.hookdesk.http.Access;
import dev.hookdesk.http.Call;
import dev.hookdesk.http.JsonBody;
import dev.hookdesk.http.Router;
import java.util.Optional;

/** Actions, callback, ending, rating, transcript and copilot of a chat. */
final class ChatSideRoutes {
  private final ChatActions actions;
  private final ChatEnding ending;

  ChatSideRoutes(ChatActions actions, ChatEnding ending) {
    this.actions = actions;
    this.ending = ending;
  }

  void register(Router r) {
    r.post("/chats/{id}/actions", Access.DESK, this::action);
    r.post("/chats/{id}/callback", Access.DESK, this::callback);
    r.post("/chats/{id}/abandon", Access.DESK, c -> {
      c.body().allow().done();
      c.ok(ending.abandon(c.workspaceId(), c.path("id"), c.actor()));
    });
    r.post("/chats/{id}/close", Access.DESK, c -> {
      JsonBody b = c.body().allow("note");
      Optional<String> note = b.optString("note", 2000);
      b.done();
      c.ok(ending.close(c.workspaceId(), c.path("id"), c.actor(), note.orElse(null)));
    });
    r.post("/chats/{id}/rating", Access.DESK, this::rating);
    r.post("/chats/{id}/transcript", Access.DESK, c -> c.ok(actions.transcript(
        c.workspaceId(), c.path("id"), c.actor(), ChatInput.transcriptEmail(c.body()))));
    r.put("/chats/{id}/copilot", Access.DESK, c -> {
      JsonBody b = c.body().allow("enabled");
      boolean enabled = b.bool("enabled");
      b.done();
      c.ok(actions.copilot(c.workspaceId(), c.path("id"), c.actor(), enabled));
    });
  }

  private void action(Call c) {
    JsonBody b = c.body().allow("name", "by", "data");
    String name = b.string("name", 100);
    String by = b.oneOf("by", ChatRoutes.ACTION_BY);
    var data = b.optValue("data");
    if (data.isPresent() && !data.get().isObject()) b.error("data", "must be a JSON object");
    b.done();
    c.created(actions.action(c.workspaceId(), c.path("id"), c.actor(), name, by,
        data.orElse(null)));
  }

  private void callback(Call c) {
    ChatInput.Callback in = ChatInput.callback(c.body());
    c.ok(actions.callback(c.workspaceId(), c.path("id"), c.actor(), in));
  }

  private void rating(Call c) {
    ChatInput.Rating in = ChatInput.rating(c.body());
    c.ok(ending.rate(c.workspaceId(), c.path("id"), c.actor(), in));
  }
}

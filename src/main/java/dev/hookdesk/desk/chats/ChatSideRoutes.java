package dev.hookdesk.desk.chats;

import dev.hookdesk.http.Access;
import dev.hookdesk.http.Call;
import dev.hookdesk.http.JsonBody;
import dev.hookdesk.http.Router;
import java.util.Optional;

/** Actions, callback, ending, rating, transcript and copilot of a chat. */
final class ChatSideRoutes {
  private final ChatService chats;

  ChatSideRoutes(ChatService chats) {
    this.chats = chats;
  }

  void register(Router r) {
    r.post("/chats/{id}/actions", Access.DESK, this::action);
    r.post("/chats/{id}/callback", Access.DESK, this::callback);
    r.post("/chats/{id}/abandon", Access.DESK, c -> {
      c.body().allow().done();
      c.ok(chats.ending.abandon(c.workspaceId(), c.path("id"), c.actor()));
    });
    r.post("/chats/{id}/close", Access.DESK, c -> {
      JsonBody b = c.body().allow("note");
      Optional<String> note = b.optString("note", 2000);
      b.done();
      c.ok(chats.ending.close(c.workspaceId(), c.path("id"), c.actor(), note.orElse(null)));
    });
    r.post("/chats/{id}/rating", Access.DESK, this::rating);
    r.post("/chats/{id}/transcript", Access.DESK, c -> {
      JsonBody b = c.body().allow("email");
      String email = b.string("email", 320);
      if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
        b.error("email", "'" + email + "' is not an email address");
      }
      b.done();
      c.ok(chats.actions.transcript(c.workspaceId(), c.path("id"), c.actor(), email));
    });
    r.put("/chats/{id}/copilot", Access.DESK, c -> {
      JsonBody b = c.body().allow("enabled");
      boolean enabled = b.bool("enabled");
      b.done();
      c.ok(chats.actions.copilot(c.workspaceId(), c.path("id"), c.actor(), enabled));
    });
  }

  private void action(Call c) {
    JsonBody b = c.body().allow("name", "by", "data");
    String name = b.string("name", 100);
    String by = b.oneOf("by", ChatRoutes.ACTION_BY);
    var data = b.optValue("data");
    if (data.isPresent() && !data.get().isObject()) b.error("data", "must be a JSON object");
    b.done();
    c.created(chats.actions.action(c.workspaceId(), c.path("id"), c.actor(), name, by,
        data.orElse(null)));
  }

  private void callback(Call c) {
    JsonBody b = c.body().allow("type", "phone", "note", "preferred_time");
    String type = b.oneOf("type", ChatRoutes.CALLBACK_TYPES);
    Optional<String> phone = b.optString("phone", 64);
    phone.ifPresent(p -> {
      if (!p.matches("\\+?[0-9 ()./-]{3,64}")) b.error("phone", "'" + p + "' is not a phone number");
    });
    Optional<String> note = b.optString("note", 2000);
    var preferred = b.optTime("preferred_time");
    b.done();
    c.ok(chats.actions.callback(c.workspaceId(), c.path("id"), c.actor(), type,
        phone.orElse(null), note.orElse(null), preferred.orElse(null)));
  }

  private void rating(Call c) {
    JsonBody b = c.body().allow("score", "comment");
    Optional<Integer> score = b.optInt("score", 1, 5);
    if (score.isEmpty() && !b.hasError("score")) b.error("score", "is required (1 to 5)");
    Optional<String> comment = b.optString("comment", 2000);
    b.done();
    c.ok(chats.ending.rate(c.workspaceId(), c.path("id"), c.actor(), score.orElseThrow(),
        comment.orElse(null)));
  }
}

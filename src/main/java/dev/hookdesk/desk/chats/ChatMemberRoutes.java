package dev.hookdesk.desk.chats;

import dev.hookdesk.http.Access;
import dev.hookdesk.http.Call;
import dev.hookdesk.http.JsonBody;
import dev.hookdesk.http.Router;

/** Participants and invitations of a chat. */
final class ChatMemberRoutes {
  private final ChatParticipants participants;

  ChatMemberRoutes(ChatParticipants participants) {
    this.participants = participants;
  }

  void register(Router r) {
    r.post("/chats/{id}/participants", Access.DESK, c -> c.ok(
        participants.join(c.workspaceId(), c.path("id"), c.actor(), agentId(c))));
    r.delete("/chats/{id}/participants/{agent_id}", Access.DESK, c -> c.ok(
        participants.leave(c.workspaceId(), c.path("id"), c.actor(), c.path("agent_id"))));
    r.post("/chats/{id}/invitations", Access.DESK, c -> c.created(
        participants.invite(c.workspaceId(), c.path("id"), c.actor(), agentId(c))));
    r.post("/chats/{id}/invitations/{inv}/accept", Access.DESK, c -> answer(c, true));
    r.post("/chats/{id}/invitations/{inv}/reject", Access.DESK, c -> answer(c, false));
  }

  private static String agentId(Call c) {
    JsonBody b = c.body().allow("agent_id");
    String id = b.string("agent_id", 40);
    b.done();
    return id;
  }

  private void answer(Call c, boolean accept) {
    c.body().allow().done();
    c.ok(participants.answer(c.workspaceId(), c.path("id"), c.path("inv"), c.actor(), accept));
  }
}

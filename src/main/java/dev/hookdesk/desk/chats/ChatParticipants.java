package dev.hookdesk.desk.chats;

import dev.hookdesk.core.Actor;
import dev.hookdesk.core.DomainException.Conflict;
import dev.hookdesk.core.DomainException.Invalid;
import dev.hookdesk.core.DomainException.NotFound;
import dev.hookdesk.core.Ids;
import dev.hookdesk.desk.agents.Agent;
import dev.hookdesk.desk.agents.AgentService;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** Agents joining and leaving a chat by hand and by invitation, and a bot's answers while it is in one. */
public final class ChatParticipants {
  private final ChatTransactions tx;
  private final ChatStore chats;
  private final InvitationStore invitations;
  private final AgentService agents;
  private final Participation participation;
  private final Assignment assignment;
  private final Rerouting rerouting;
  private final Conversation conversation;
  private final Snapshots snapshots;
  private final ChatEvents events;
  private final Ids ids;
  private final Clock clock;

  public ChatParticipants(ChatParts parts) {
    this.rerouting = parts.rerouting;
    this.tx = parts.tx;
    this.chats = parts.chats;
    this.invitations = parts.invitations;
    this.agents = parts.agents;
    this.participation = parts.participation;
    this.assignment = parts.assignment;
    this.conversation = parts.conversation;
    this.snapshots = parts.snapshots;
    this.events = parts.events;
    this.ids = parts.ids;
    this.clock = parts.clock;
  }

  /** {@code POST /chats/{id}/participants}: the agent joins. */
  public Chat join(String ws, String chatId, Actor caller, String agentId) {
    return tx.onChat(ws, chatId, (h, chat) -> {
      Agent agent = open(h, chat, agentId, "agent_id");
      joinAndEmit(h, chat, caller, agent);
      return snapshots.of(h, ws, chatId);
    });
  }

  /** {@code DELETE /chats/{id}/participants/{agent}}: the agent leaves; an empty chat is routed again. */
  public Chat leave(String ws, String chatId, Actor caller, String agentId) {
    Chat after = tx.onChat(ws, chatId, (h, chat) -> leave(h, chat, caller, agentId));
    if (Rerouting.needsAgent(after)) {
      rerouting.route(ws, chatId, "agent_left");
      return tx.jdbi().withHandle(h -> snapshots.of(h, ws, chatId));
    }
    return after;
  }

  /** The agent leaves, in the caller's transaction with the chat locked; route it after commit. */
  private Chat leave(Handle h, ChatRow chat, Actor caller, String agentId) {
    String ws = chat.workspaceId();
    Agent agent = agents.find(h, ws, agentId).orElseThrow(() -> new NotFound("Agent", agentId));
    if (!participation.isParticipant(h, chat.id(), agentId)) {
      throw new Conflict("Agent " + agentId + " is not in chat " + chat.id());
    }
    participation.leave(h, chat, agentId, clock.instant());
    Chat after = snapshots.of(h, ws, chat.id());
    events.emit(h, ws, caller, "chat.agent_left", after, "agent", agents.get(h, ws, agent.id()));
    assignment.fillSeats(h, ws, List.of(agentId));
    return after;
  }

  /** Whether the agent is in the chat now. */
  public boolean takesPart(Handle h, String ws, String chatId, String agentId) {
    return snapshots.of(h, ws, chatId).participants().stream().anyMatch(p -> p.id().equals(agentId));
  }

  /**
   * A bot's answer, in the caller's transaction (the one that records the bot's call): its
   * messages are posted as the bot; with {@code handoff} it leaves ({@code chat.agent_left},
   * actor the bot) and, once that commits, a human is routed. Does nothing when the bot is no
   * longer in the chat; throws when the chat cannot take it (ended).
   */
  public void botAnswered(Handle h, String ws, String chatId, String botId, List<String> texts,
      boolean handoff) {
    ChatRow chat = chats.lock(h, ws, chatId);
    if (!participation.isParticipant(h, chatId, botId)) return;
    Actor bot = new Actor("agent", botId, "bot");
    for (String text : texts) conversation.post(h, chat, bot, new Conversation.Draft("bot", botId, text));
    if (!handoff) return;
    Chat after = leave(h, chats.lock(h, ws, chatId), bot, botId);
    if (Rerouting.needsAgent(after)) {
      // on a thread of its own: the router may wait on a decision webhook (SPEC §6)
      h.afterCommit(() -> Thread.ofVirtual().name("handoff-" + chatId)
          .start(() -> rerouting.route(ws, chatId, "handoff")));
    }
  }

  /** {@code POST /chats/{id}/invitations}. */
  public Chat.Invitation invite(String ws, String chatId, Actor caller, String agentId) {
    return tx.onChat(ws, chatId, (h, chat) -> {
      Agent agent = open(h, chat, agentId, "agent_id");
      if (invitations.pending(h, chatId).stream().anyMatch(i -> i.agentId().equals(agentId))) {
        throw new Conflict("Agent " + agentId + " already has a pending invitation to chat " + chatId);
      }
      Instant now = clock.instant();
      var inv = new Chat.Invitation(ids.next("inv"), chatId, agentId, InvitationStore.PENDING, now, null);
      invitations.insert(h, inv);
      chats.touch(h, chatId, now);
      events.emit(h, ws, caller, "chat.invitation_received", snapshots.of(h, ws, chatId),
          "invitation", inv, "agent", agent);
      return inv;
    });
  }

  /** Accepts or rejects; a rejection that leaves the chat without agents routes it again. */
  public Chat.Invitation answer(String ws, String chatId, String invitationId, Actor caller, boolean accept) {
    Chat.Invitation inv = resolve(ws, chatId, invitationId, caller, accept);
    if (!accept) rerouting.route(ws, chatId, "invitation_rejected");
    return inv;
  }

  private Chat.Invitation resolve(String ws, String chatId, String invitationId, Actor caller,
      boolean accept) {
    return tx.onChat(ws, chatId, (h, chat) -> {
      Chat.Invitation inv = invitations.get(h, chatId, invitationId);
      if (!inv.status().equals(InvitationStore.PENDING)) {
        throw new Conflict("Invitation " + invitationId + " was already " + inv.status());
      }
      Agent agent = agents.lock(h, ws, inv.agentId());
      Actor invitee = caller.as("agent", agent.id());
      Instant now = clock.instant();
      if (accept) {
        open(h, chat, agent.id(), "invitation");
        invitations.resolve(h, invitationId, InvitationStore.ACCEPTED, now);
        boolean statusChanged = participation.join(h, chat, agent.id(), now);
        Chat after = snapshots.of(h, ws, chatId);
        var resolved = invitations.get(h, chatId, invitationId);
        Agent joined = agents.get(h, ws, agent.id());
        events.emit(h, ws, invitee, "chat.invitation_accepted", after, "invitation", resolved, "agent", joined);
        events.emit(h, ws, invitee, "chat.agent_joined", after, "agent", joined);
        if (statusChanged) events.statusChanged(h, ws, invitee, after);
        return resolved;
      }
      invitations.resolve(h, invitationId, InvitationStore.REJECTED, now);
      chats.touch(h, chatId, now);
      var resolved = invitations.get(h, chatId, invitationId);
      events.emit(h, ws, invitee, "chat.invitation_rejected", snapshots.of(h, ws, chatId),
          "invitation", resolved, "agent", agent);
      return resolved;
    });
  }

  /** The agent, locked, who may enter this open chat; {@code field} names the input on a 422. */
  private Agent open(Handle h, ChatRow chat, String agentId, String field) {
    if (chat.ended()) throw new Conflict("Chat " + chat.id() + " is " + chat.status() + "; agents cannot join it");
    if (agents.find(h, chat.workspaceId(), agentId).isEmpty()) {
      throw new Invalid(field, "'" + agentId + "' is not an agent of this workspace");
    }
    if (participation.isParticipant(h, chat.id(), agentId)) {
      throw new Conflict("Agent " + agentId + " is already in chat " + chat.id());
    }
    return agents.lock(h, chat.workspaceId(), agentId);
  }

  private void joinAndEmit(Handle h, ChatRow chat, Actor caller, Agent agent) {
    boolean statusChanged = participation.join(h, chat, agent.id(), clock.instant());
    Chat after = snapshots.of(h, chat.workspaceId(), chat.id());
    events.emit(h, chat.workspaceId(), caller, "chat.agent_joined", after,
        "agent", agents.get(h, chat.workspaceId(), agent.id()));
    if (statusChanged) events.statusChanged(h, chat.workspaceId(), caller, after);
  }
}

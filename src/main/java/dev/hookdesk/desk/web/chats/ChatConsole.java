package dev.hookdesk.desk.web.chats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookdesk.core.DomainException.NotFound;
import dev.hookdesk.desk.agents.Agent;
import dev.hookdesk.desk.agents.AgentService;
import dev.hookdesk.desk.chats.Chat;
import dev.hookdesk.desk.chats.ChatLists;
import dev.hookdesk.desk.chats.ChatService;
import dev.hookdesk.http.Page;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads what the console shows from the chat and agent services, as one agent may see it. */
final class ChatConsole {
  static final int LIST_LIMIT = 50;
  static final int PREVIOUS_LIMIT = 10;

  private final ChatService chats;
  private final ChatLists lists;
  private final AgentService agents;
  private final ObjectMapper mapper;

  ChatConsole(ChatService chats, ChatLists lists, AgentService agents, ObjectMapper mapper) {
    this.chats = chats;
    this.lists = lists;
    this.agents = agents;
    this.mapper = mapper;
  }

  /** The chat, if this agent may see it; any other id answers 404, as an id that does not exist. */
  Chat visible(Viewer v, String chatId) {
    Chat chat = chats.get(v.workspaceId(), chatId);
    if (!ChatSight.sees(json(chat), v)) throw new NotFound("Chat", chatId);
    return chat;
  }

  boolean sees(Viewer v, Chat chat) {
    return ChatSight.sees(json(chat), v);
  }

  ChatViews.Status status(Viewer v, String error) {
    return new ChatViews.Status(v.csrf(), agents.get(v.workspaceId(), v.agentId()).status(), error);
  }

  ChatViews.Lists lists(Viewer v, String openId) {
    String ws = v.workspaceId();
    return new ChatViews.Lists(items(lists.invitingTo(ws, v.agentId(), LIST_LIMIT)),
        items(lists.activeOf(ws, v.agentId(), LIST_LIMIT)), items(lists.waiting(ws, LIST_LIMIT)),
        openId == null ? "" : openId);
  }

  ChatViews.Open open(Viewer v, Chat chat, ChatViews.Compose compose, Map<String, String> errors,
      String note) {
    JsonNode snapshot = json(chat);
    List<ChatViews.Line> lines = chats.messages(v.workspaceId(), chat.id(),
        new Page(Page.MAX_LIMIT, Optional.empty())).data().stream()
        .map(m -> ChatViews.Line.of(mapper.valueToTree(m), snapshot)).toList();
    return new ChatViews.Open(chat.id(), "Chat with " + visitorName(chat), lines, compose,
        panel(v, chat, errors, note));
  }

  ChatViews.Compose compose(Viewer v, Chat chat, String text, String error) {
    return new ChatViews.Compose(v.csrf(), chat.id(), chat.closedAt() == null, text, error);
  }

  ChatViews.Panel panel(Viewer v, Chat chat, Map<String, String> errors, String note) {
    String me = v.agentId();
    boolean inChat = chat.participants().stream().anyMatch(p -> p.id().equals(me));
    String invitation = chat.invitations().stream().filter(i -> i.agentId().equals(me))
        .map(Chat.Invitation::id).findFirst().orElse(null);
    List<String> invitedIds = chat.invitations().stream().map(Chat.Invitation::agentId).toList();
    List<Agent> humans = agents.list(v.workspaceId(), new Page(Page.MAX_LIMIT, Optional.empty()))
        .data().stream().filter(a -> !a.isBot() && a.active()).toList();
    List<ChatViews.Option> invitable = humans.stream()
        .filter(a -> !a.id().equals(me) && !invitedIds.contains(a.id())
            && chat.participants().stream().noneMatch(p -> p.id().equals(a.id())))
        .map(a -> new ChatViews.Option(a.id(), a.name())).toList();
    List<String> invited = humans.stream().filter(a -> invitedIds.contains(a.id()))
        .map(Agent::name).toList();
    var creator = chat.creator();
    List<ChatViews.Item> previous = items(lists.ofContact(v.workspaceId(), creator.id(),
        PREVIOUS_LIMIT + 1).stream().filter(c -> !c.id().equals(chat.id())).limit(PREVIOUS_LIMIT).toList());
    return new ChatViews.Panel(v.csrf(), chat.id(), chat.status(), chat.closedAt() != null, inChat,
        chat.participants().stream().map(Chat.Participant::name).toList(), invited, invitation,
        invitable, new ChatViews.Visitor(visitorName(chat), creator.email(), creator.phone(),
            chat.source(), previous), note == null ? "" : note, errors);
  }

  private List<ChatViews.Item> items(List<Chat> list) {
    return list.stream().map(c -> new ChatViews.Item(c.id(), visitorName(c), c.source(), c.status(),
        c.createdAt().truncatedTo(ChronoUnit.SECONDS).toString())).toList();
  }

  private static String visitorName(Chat chat) {
    var c = chat.creator();
    return c.name() != null ? c.name() : c.email() != null ? c.email() : "Visitor " + c.id();
  }

  private JsonNode json(Chat chat) {
    return mapper.valueToTree(chat);
  }
}

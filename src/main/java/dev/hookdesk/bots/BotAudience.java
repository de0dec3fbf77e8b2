package dev.hookdesk.bots;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookdesk.delivery.BotCalls;
import dev.hookdesk.desk.agents.AgentService;
import dev.hookdesk.desk.chats.ChatService;
import dev.hookdesk.events.Event;
import java.util.Objects;
import org.jdbi.v3.core.Handle;

/**
 * Which bots hear a chat event: every bot taking part in the chat with a {@code webhook_url}, or
 * created by an app whose bot webhook hears the event (SPEC §8), except the bot that caused it, so a bot never hears its own replies or its own leaving.
 * Their calls are queued in the transaction that appends the event: once the event commits,
 * the calls survive any crash.
 */
public final class BotAudience {
  private final AgentService agents;
  private final BotCalls calls;
  private final AppBotWebhooks apps;

  public BotAudience(ChatService chats, AgentService agents, BotCalls calls, AppBotWebhooks apps) {
    this.agents = Objects.requireNonNull(agents);
    this.calls = Objects.requireNonNull(calls);
    this.apps = Objects.requireNonNull(apps);
    chats.onAppended(this::appended);
  }

  private void appended(Handle h, Event e) {
    String chatId = e.data().at("/chat/id").asText();
    for (JsonNode p : e.data().at("/chat/participants")) {
      if (!"bot".equals(p.path("kind").asText())) continue;
      String botId = p.path("id").asText();
      if ("agent".equals(e.actor().type()) && botId.equals(e.actor().id())) continue;
      boolean reachable = agents.find(h, e.workspaceId(), botId)
          .map(a -> a.webhookUrl() != null
              || (a.appId() != null && apps.hears(h, e.workspaceId(), a.appId(), e))).orElse(false);
      if (reachable) calls.queue(h, botId, chatId, e);
    }
  }
}

package dev.hookdesk.bots;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookdesk.core.DomainException;
import dev.hookdesk.decisions.ResponseSchemas;
import dev.hookdesk.desk.agents.Agent;
import dev.hookdesk.desk.agents.AgentService;
import dev.hookdesk.desk.chats.ChatService;
import dev.hookdesk.events.Actor;
import dev.hookdesk.events.Event;
import dev.hookdesk.webhooks.SignedRequest;
import dev.hookdesk.webhooks.Signer;
import dev.hookdesk.webhooks.send.AttemptResult;
import dev.hookdesk.webhooks.send.OutboundRequest;
import dev.hookdesk.webhooks.send.WebhookSender;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each bot in a chat, signed, the chat's committed events — except those the bot caused
 * itself, so a bot never hears its own replies — one at a time per chat, and acts on the answer
 * ({@code bot.response}): posts its messages as the bot, and hands off on {@code handoff}, on a
 * failure or on a timeout, so no customer waits on a broken bot. Sent from memory after commit:
 * a node that dies loses the calls it had not made (the chat stays with the bot).
 */
public final class BotDispatcher implements AutoCloseable {
  static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final Logger LOG = LoggerFactory.getLogger(BotDispatcher.class);

  private record Answer(List<String> texts, boolean handoff) {}

  private final ChatService chats;
  private final AgentService agents;
  private final BotSettings settings;
  private final WebhookSender sender;
  private final ResponseSchemas schemas;
  private final ObjectMapper mapper;
  private final Clock clock;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final Map<String, CompletableFuture<Void>> chains = new ConcurrentHashMap<>();

  public BotDispatcher(ChatService chats, AgentService agents, BotSettings settings,
      WebhookSender sender, ResponseSchemas schemas, ObjectMapper mapper, Clock clock) {
    this.chats = Objects.requireNonNull(chats);
    this.agents = Objects.requireNonNull(agents);
    this.settings = Objects.requireNonNull(settings);
    this.sender = Objects.requireNonNull(sender);
    this.schemas = Objects.requireNonNull(schemas);
    this.mapper = Objects.requireNonNull(mapper);
    this.clock = Objects.requireNonNull(clock);
    chats.onEvent(this::committed);
  }

  private void committed(Event e) {
    String chatId = e.data().at("/chat/id").asText();
    for (JsonNode p : e.data().at("/chat/participants")) {
      String botId = p.path("id").asText();
      if (!"bot".equals(p.path("kind").asText())) continue;
      if ("agent".equals(e.actor().type()) && botId.equals(e.actor().id())) continue;
      chains.compute(chatId, (id, prev) -> {
        CompletableFuture<Void> before = prev == null ? CompletableFuture.completedFuture(null) : prev;
        CompletableFuture<Void> next = before.thenRunAsync(() -> call(e, chatId, botId), executor);
        next.whenComplete((v, x) -> chains.remove(chatId, next));
        return next;
      });
    }
  }

  private void call(Event e, String chatId, String botId) {
    String ws = e.workspaceId();
    try {
      Agent bot = agents.get(ws, botId);
      if (bot.webhookUrl() == null || !chats.takesPart(ws, chatId, botId)) return;
      Answer answer = send(e, bot);
      Actor actor = new Actor("agent", botId, "bot");
      if (answer == null) {
        chats.handoff(ws, chatId, botId);
        return;
      }
      for (String text : answer.texts()) chats.post(ws, chatId, actor, "bot", botId, text);
      if (answer.handoff()) chats.handoff(ws, chatId, botId);
    } catch (DomainException ex) {
      // The chat moved on meanwhile (ended, the bot left): nothing left to do for this event.
      LOG.debug("bot {} on chat {}: {}", botId, chatId, ex.getMessage());
    } catch (RuntimeException ex) {
      LOG.warn("bot {} on chat {} failed", botId, chatId, ex);
    }
  }

  /** The bot's answer, or null when it failed, timed out or answered outside {@code bot.response}. */
  private Answer send(Event e, Agent bot) {
    byte[] body;
    try {
      body = mapper.writeValueAsBytes(e);
    } catch (IOException ex) {
      throw new IllegalStateException(ex);
    }
    long now = clock.instant().getEpochSecond();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("webhook-id", e.id());
    headers.put("webhook-timestamp", Long.toString(now));
    headers.put("webhook-signature", Signer.header(List.of(settings.key(e.workspaceId(), bot.id())),
        e.id(), now, body));
    headers.put("content-type", "application/json; charset=utf-8");
    headers.put("user-agent", SignedRequest.USER_AGENT);
    headers.put("hookdesk-event-type", e.type());
    AttemptResult r = sender.send(new OutboundRequest(bot.webhookUrl(), headers, body, TIMEOUT))
        .completeOnTimeout(null, TIMEOUT.toMillis() + 250, TimeUnit.MILLISECONDS).join();
    if (r == null || !r.success()) {
      LOG.info("bot {} did not answer {} ({}); handing the chat to a human", bot.id(), e.id(),
          r == null ? "timeout" : r.error() != null ? r.error() : "HTTP " + r.status());
      return null;
    }
    try {
      JsonNode json = r.body() == null ? null : mapper.readTree(r.body());
      if (json == null || json.isMissingNode()) return new Answer(List.of(), false);
      List<String> problems = schemas.violations(ResponseSchemas.BOT, json);
      if (!problems.isEmpty()) {
        LOG.info("bot {} answered outside bot.response: {}", bot.id(), problems);
        return null;
      }
      List<String> texts = new ArrayList<>();
      for (JsonNode m : json.path("messages")) {
        // NUL has no meaning in a chat message and PostgreSQL text cannot hold it: stripped
        String text = m.get("text").asText().replace("\0", "");
        if (!text.isEmpty()) texts.add(text);
      }
      return new Answer(texts, json.path("handoff").asBoolean(false));
    } catch (IOException ex) {
      LOG.info("bot {} answered with a body that is not JSON", bot.id());
      return null;
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}

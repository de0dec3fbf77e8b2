package dev.hookdesk.bots;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookdesk.decisions.ResponseSchemas;
import dev.hookdesk.delivery.BotCall;
import dev.hookdesk.delivery.BotRecipient;
import dev.hookdesk.desk.agents.Agent;
import dev.hookdesk.desk.chats.ChatParticipants;
import dev.hookdesk.desk.agents.AgentService;
import dev.hookdesk.webhooks.SignedRequest;
import dev.hookdesk.webhooks.send.AttemptResult;
import dev.hookdesk.webhooks.send.OutboundRequest;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Bots as receivers of the delivery engine: a call is the chat event, signed with the bot's
 * secret (an app's bot: sent to the app's bot webhook, signed with its secret, SPEC §8); a 2xx answer valid against {@code bot.response} posts the bot's messages and, with
 * {@code handoff}, hands the chat to a human, as does a call that failed for good — no customer
 * waits on a broken bot.
 */
public final class BotReceivers implements BotRecipient {
  static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final ChatParticipants chats;
  private final AgentService agents;
  private final BotSettings settings;
  private final ResponseSchemas schemas;
  private final ObjectMapper mapper;
  private final AppBotWebhooks apps;

  public BotReceivers(ChatParticipants chats, AgentService agents, BotSettings settings,
      ResponseSchemas schemas, ObjectMapper mapper, AppBotWebhooks apps) {
    this.apps = Objects.requireNonNull(apps);
    this.chats = Objects.requireNonNull(chats);
    this.agents = Objects.requireNonNull(agents);
    this.settings = Objects.requireNonNull(settings);
    this.schemas = Objects.requireNonNull(schemas);
    this.mapper = Objects.requireNonNull(mapper);
  }

  @Override
  public Optional<OutboundRequest> request(Handle h, BotCall call, int attempt, Instant now) {
    String ws = call.workspaceId();
    Optional<Agent> bot = agents.find(h, ws, call.agentId());
    if (bot.isEmpty()) return Optional.empty();
    Agent b = bot.get();
    if ((b.webhookUrl() == null && b.appId() == null) || !chats.takesPart(h, ws, call.chatId(), call.agentId())) {
      return Optional.empty();
    }
    if (b.webhookUrl() == null) {
      return apps.target(h, ws, b.appId(), call.event(), now).map(t -> SignedRequest.of(t.url(), Map.of(),
          TIMEOUT, call.event().id(), call.event().type(), call.deliveryId(), attempt, t.body(), t.keys(), now));
    }
    byte[] body;
    try {
      body = mapper.writeValueAsBytes(call.event());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return Optional.of(SignedRequest.of(b.webhookUrl(), Map.of(), TIMEOUT,
        call.event().id(), call.event().type(), call.deliveryId(), attempt, body,
        List.of(settings.key(h, ws, call.agentId())), now));
  }

  @Override
  public Optional<String> answered(Handle h, BotCall call, AttemptResult result) {
    JsonNode json;
    try {
      json = result.body() == null || result.body().length == 0 ? null : mapper.readTree(result.body());
    } catch (IOException e) {
      return Optional.of("the bot answered with a body that is not JSON");
    }
    List<String> texts = new ArrayList<>();
    boolean handoff = false;
    if (json != null && !json.isMissingNode()) {
      List<String> problems = schemas.violations(ResponseSchemas.BOT, json);
      if (!problems.isEmpty()) {
        return Optional.of("the bot answered outside " + ResponseSchemas.BOT + ": " + problems);
      }
      for (JsonNode m : json.path("messages")) {
        // NUL has no meaning in a chat message and PostgreSQL text cannot hold it: stripped
        String text = m.get("text").asText().replace("\0", "");
        if (!text.isEmpty()) texts.add(text);
      }
      handoff = json.path("handoff").asBoolean(false);
    }
    chats.botAnswered(h, call.workspaceId(), call.chatId(), call.agentId(), texts, handoff);
    return Optional.empty();
  }

  @Override
  public void gaveUp(Handle h, BotCall call) {
    chats.botAnswered(h, call.workspaceId(), call.chatId(), call.agentId(), List.of(), true);
  }
}

package dev.hookdesk.bots;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookdesk.core.DomainException.Invalid;
import dev.hookdesk.core.DomainException.NotFound;
import dev.hookdesk.core.Ids;
import dev.hookdesk.core.Json;
import dev.hookdesk.desk.agents.Agent;
import dev.hookdesk.desk.agents.AgentService;
import dev.hookdesk.desk.sources.SourceService;
import dev.hookdesk.webhooks.SecretBox;
import dev.hookdesk.webhooks.Secrets;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** A bot's secret (generated with the bot, sealed at rest) and the chat sources it takes first. */
public final class BotSettings {
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  private final Jdbi jdbi;
  private final AgentService agents;
  private final SourceService sources;
  private final SecretBox box;
  private final Ids ids;
  private final ObjectMapper mapper;

  public BotSettings(Jdbi jdbi, AgentService agents, SourceService sources, SecretBox box, Ids ids,
      ObjectMapper mapper) {
    this.jdbi = Objects.requireNonNull(jdbi);
    this.agents = Objects.requireNonNull(agents);
    this.sources = Objects.requireNonNull(sources);
    this.box = Objects.requireNonNull(box);
    this.ids = Objects.requireNonNull(ids);
    this.mapper = Objects.requireNonNull(mapper);
    agents.onCreated((h, workspaceId, agent) -> {
      if (agent.isBot()) ensure(h, workspaceId, agent);
    });
  }

  public record Secret(String agentId, String secret) {}

  public record Sources(String agentId, List<String> sources) {}

  Secret secret(String workspaceId, String agentId) {
    return jdbi.inTransaction(h -> secret(h, workspaceId, agentId));
  }

  private Secret secret(Handle h, String workspaceId, String agentId) {
    return new Secret(agentId, box.open(agentId, ensure(h, workspaceId, bot(h, workspaceId, agentId))));
  }

  /** The signing key of a bot (its secret is created here for bots that became bots by PATCH). */
  byte[] key(Handle h, String workspaceId, String agentId) {
    return dev.hookdesk.webhooks.Signer.key(secret(h, workspaceId, agentId).secret());
  }

  Sources setSources(String workspaceId, String agentId, List<String> keys) {
    return jdbi.inTransaction(h -> {
      Agent bot = bot(h, workspaceId, agentId);
      for (int i = 0; i < keys.size(); i++) sources.require(h, workspaceId, "sources[" + i + "]", keys.get(i));
      ensure(h, workspaceId, bot);
      h.createUpdate("UPDATE bot_settings SET sources = :s WHERE agent_id = :id")
          .bind("s", Json.write(mapper, keys)).bind("id", agentId).execute();
      return new Sources(agentId, keys);
    });
  }

  /** Bots of the workspace that take new chats of this source first. */
  List<String> servingBots(Handle h, String workspaceId, String source) {
    return h.createQuery("SELECT agent_id, sources FROM bot_settings WHERE workspace_id = :ws ORDER BY agent_id")
        .bind("ws", workspaceId)
        .map((rs, ctx) -> readList(rs.getString("sources")).contains(source) ? rs.getString("agent_id") : null)
        .list().stream().filter(Objects::nonNull).toList();
  }

  /** Throws unless the agent is a bot of the workspace. */
  void requireBot(String workspaceId, String agentId) {
    jdbi.useHandle(h -> bot(h, workspaceId, agentId));
  }

  private Agent bot(Handle h, String workspaceId, String agentId) {
    Agent a = agents.find(h, workspaceId, agentId).orElseThrow(() -> new NotFound("Agent", agentId));
    if (!a.isBot()) throw new Invalid("agent_id", agentId + " is a human agent; only bots have a secret and sources");
    return a;
  }

  /** The sealed secret, created on first need. */
  private String ensure(Handle h, String workspaceId, Agent bot) {
    var sealed = h.createQuery("SELECT secret FROM bot_settings WHERE agent_id = :id")
        .bind("id", bot.id()).mapTo(String.class).findOne();
    if (sealed.isPresent()) return sealed.get();
    String s = box.seal(bot.id(), Secrets.generate(ids.randomBytes(32)));
    h.createUpdate("INSERT INTO bot_settings (agent_id, workspace_id, secret, sources) VALUES (:id, :ws, :s, '[]')")
        .bind("id", bot.id()).bind("ws", workspaceId).bind("s", s).execute();
    return s;
  }

  private List<String> readList(String json) {
    try {
      return mapper.readValue(json, STRINGS);
    } catch (java.io.IOException e) {
      return List.of();
    }
  }
}

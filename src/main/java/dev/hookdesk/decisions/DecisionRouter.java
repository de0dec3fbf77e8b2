package dev.hookdesk.decisions;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookdesk.core.Ids;
import dev.hookdesk.delivery.DirectDeliveries;
import dev.hookdesk.desk.agents.Agent;
import dev.hookdesk.desk.agents.AgentService;
import dev.hookdesk.desk.chats.routing.Advice;
import dev.hookdesk.desk.chats.routing.ChatRouter;
import dev.hookdesk.desk.chats.routing.Choice;
import dev.hookdesk.desk.chats.routing.RoutingRequest;
import dev.hookdesk.events.EventLog;
import dev.hookdesk.webhooks.PayloadRenderer;
import dev.hookdesk.webhooks.Webhook;
import dev.hookdesk.webhooks.WebhookRegistry;
import dev.hookdesk.webhooks.send.WebhookSender;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Routing that asks the decision webhook of the chat's source first (SPEC §6) and falls back
 * to the router it wraps on every other outcome, naming the reason in {@code chat.assigned}.
 */
public final class DecisionRouter implements ChatRouter {
  /** Consecutive failures before a service is skipped, and for how long. */
  public record Health(int threshold, Duration coolDown) {
    public static final Health DEFAULT = new Health(5, Duration.ofSeconds(30));
  }

  private final ChatRouter fallback;
  private final WebhookRegistry webhooks;
  private final AgentService agents;
  private final Jdbi jdbi;
  private final DecisionCall call;

  public DecisionRouter(ChatRouter fallback, WebhookRegistry webhooks, AgentService agents, Jdbi jdbi,
      EventLog log, PayloadRenderer renderer, WebhookSender sender, DirectDeliveries deliveries,
      ResponseSchemas schemas, MeterRegistry metrics, Health health, Ids ids, ObjectMapper mapper,
      Clock clock) {
    this.fallback = Objects.requireNonNull(fallback);
    this.webhooks = Objects.requireNonNull(webhooks);
    this.agents = Objects.requireNonNull(agents);
    this.jdbi = Objects.requireNonNull(jdbi);
    this.call = new DecisionCall(jdbi, log, renderer, webhooks, sender, deliveries,
        new AnswerReader(schemas, mapper), new DecisionHealth(health.threshold(), health.coolDown(), clock),
        new DecisionMetrics(metrics), ids, mapper, clock);
  }

  @Override
  public boolean callsOut(String workspaceId, String source) {
    return webhooks.decisionFor(workspaceId, source).isPresent() || fallback.callsOut(workspaceId, source);
  }

  @Override
  public Advice advise(RoutingRequest request) {
    Optional<Webhook> w = webhooks.decisionFor(request.workspaceId(), request.source());
    if (w.isEmpty() || request.chat() == null) return fallback.advise(request);
    List<Agent> candidates = jdbi.withHandle(h -> candidates(h, request));
    Verdict v = call.ask(w.get(), request, candidates);
    return new Advice(v.agentId(), w.get().id(), v.reason());
  }

  @Override
  public Optional<Choice> choose(Handle h, RoutingRequest request, Advice advice) {
    if (advice.agentId() != null) {
      // Decided outside the transaction: the agent may have filled up or gone away since.
      Agent locked = agents.lock(h, request.workspaceId(), advice.agentId());
      if (locked.hasRoom() && !(locked.isBot() && request.humansOnly())) {
        return Optional.of(new Choice(locked, advice.decidedBy(), null));
      }
      return fallback.choose(h, request, Advice.NONE).map(c -> c.fallingBack("agent_unavailable"));
    }
    Optional<Choice> built = fallback.choose(h, request, advice);
    return advice.fallbackReason() == null ? built : built.map(c -> c.fallingBack(advice.fallbackReason()));
  }

  /** Online agents with room, least busy first; bots only for a new chat. */
  private List<Agent> candidates(Handle h, RoutingRequest request) {
    List<Agent> out = new ArrayList<>(agents.available(h, request.workspaceId(), "human"));
    if (!request.humansOnly()) out.addAll(agents.available(h, request.workspaceId(), "bot"));
    out.sort(Comparator.comparingInt(Agent::activeChats).thenComparing(Agent::id));
    return out;
  }
}

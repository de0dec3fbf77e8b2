package dev.hookdesk.decisions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookdesk.core.Actor;
import dev.hookdesk.core.Ids;
import dev.hookdesk.delivery.DirectDeliveries;
import dev.hookdesk.desk.agents.Agent;
import dev.hookdesk.desk.chats.routing.RoutingRequest;
import dev.hookdesk.events.Event;
import dev.hookdesk.events.EventDraft;
import dev.hookdesk.events.EventLog;
import dev.hookdesk.webhooks.PayloadRenderer;
import dev.hookdesk.webhooks.SignedRequest;
import dev.hookdesk.webhooks.Webhook;
import dev.hookdesk.webhooks.WebhookDirectory;
import dev.hookdesk.webhooks.send.AttemptResult;
import dev.hookdesk.webhooks.send.OutboundRequest;
import dev.hookdesk.webhooks.send.WebhookSender;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One decision call: appends {@code chat.assignment_requested} (a short transaction of its
 * own), POSTs it signed to the webhook, waits at most its {@code timeout_ms}, reads the answer,
 * and records the call as a finished delivery (which disables the webhook on a {@code 410 Gone},
 * as for any webhook). Never throws for what the service does, nor when the call cannot be recorded.
 */
final class DecisionCall {
  static final String TYPE = "chat.assignment_requested";
  private static final Logger LOG = LoggerFactory.getLogger(DecisionCall.class);
  private static final Actor ROUTING = new Actor("system", null, "routing");
  // The sender enforces timeout_ms itself; this only guards against a sender that never completes.
  private static final long GUARD_MILLIS = 250;

  private final Jdbi jdbi;
  private final EventLog log;
  private final PayloadRenderer renderer;
  private final WebhookDirectory directory;
  private final WebhookSender sender;
  private final DirectDeliveries deliveries;
  private final AnswerReader answers;
  private final DecisionHealth health;
  private final DecisionMetrics metrics;
  private final Ids ids;
  private final ObjectMapper mapper;
  private final Clock clock;

  DecisionCall(Jdbi jdbi, EventLog log, PayloadRenderer renderer, WebhookDirectory directory,
      WebhookSender sender, DirectDeliveries deliveries, AnswerReader answers,
      DecisionHealth health, DecisionMetrics metrics, Ids ids, ObjectMapper mapper, Clock clock) {
    this.jdbi = jdbi;
    this.log = log;
    this.renderer = renderer;
    this.directory = directory;
    this.sender = sender;
    this.deliveries = deliveries;
    this.answers = answers;
    this.health = health;
    this.metrics = metrics;
    this.ids = ids;
    this.mapper = mapper;
    this.clock = clock;
  }

  Verdict ask(Webhook w, RoutingRequest request, List<Agent> candidates) {
    long t0 = System.nanoTime();
    Event event = jdbi.inTransaction(h -> log.append(h, new EventDraft(request.workspaceId(), TYPE,
        ROUTING, data(request, candidates), request.source())));
    String deliveryId = ids.next("dlv");
    Instant started = clock.instant();
    if (health.coolingDown(w.id())) {
      Verdict v = Verdict.fallback("cooling_down", "the service failed repeatedly; skipped for now", false);
      finish(v, t0, new DirectDeliveries.Call(deliveryId, w.workspaceId(), w.id(), event.id(), TYPE,
          event.timestamp(), null, null, started, false, v.note()));
      return v;
    }
    OutboundRequest out = SignedRequest.of(w, event.id(), TYPE, deliveryId, 1,
        renderer.render(event, w), directory.signingSecrets(w.id(), started), started);
    AttemptResult r = sender.send(out)
        .completeOnTimeout(null, w.timeoutMs() + GUARD_MILLIS, TimeUnit.MILLISECONDS).join();
    if (r == null) {
      r = new AttemptResult(0, Map.of(), null, w.timeoutMs(), "timeout: no answer within "
          + w.timeoutMs() + " ms", Optional.empty());
    }
    Verdict v = answers.read(r, candidates);
    health.record(w.id(), v.serviceFailed());
    finish(v, t0, new DirectDeliveries.Call(deliveryId, w.workspaceId(), w.id(), event.id(), TYPE,
        event.timestamp(), out, r, started, v.agentId() != null, v.note()));
    return v;
  }

  private void finish(Verdict v, long t0, DirectDeliveries.Call call) {
    metrics.record(v, Duration.ofNanos(System.nanoTime() - t0));
    try {
      deliveries.record(call);
    } catch (RuntimeException e) {
      // The verdict stands: a call the log cannot hold must not cost the chat its routing.
      LOG.warn("cannot record decision call {} of webhook {}: {}", call.deliveryId(), call.webhookId(),
          e.getMessage());
    }
  }

  private ObjectNode data(RoutingRequest request, List<Agent> candidates) {
    ObjectNode data = mapper.createObjectNode();
    data.set("chat", request.chat());
    data.set("contact", request.chat().get("creator"));
    data.put("trigger", request.trigger());
    ArrayNode list = data.putArray("candidates");
    for (Agent a : candidates) {
      list.addObject().put("id", a.id()).put("name", a.name()).put("email", a.email())
          .put("kind", a.kind()).put("status", a.status()).put("active_chats", a.activeChats())
          .put("max_chats", a.maxChats());
    }
    return data;
  }
}

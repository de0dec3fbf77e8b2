package dev.hookdesk.decisions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookdesk.desk.agents.Agent;
import dev.hookdesk.webhooks.send.AttemptResult;
import java.io.IOException;
import java.util.List;

/** Turns what a decision webhook answered into a {@link Verdict}; only a 200 naming a candidate decides. */
final class AnswerReader {
  private final ResponseSchemas schemas;
  private final ObjectMapper mapper;

  AnswerReader(ResponseSchemas schemas, ObjectMapper mapper) {
    this.schemas = schemas;
    this.mapper = mapper;
  }

  Verdict read(AttemptResult r, List<Agent> candidates) {
    if (r.error() != null) {
      String reason = r.error().startsWith("timeout") ? "timeout" : "connection_error";
      return Verdict.fallback(reason, r.error(), true);
    }
    if (r.status() != 200) return Verdict.fallback("http_status", "HTTP " + r.status(), true);
    JsonNode body;
    try {
      body = r.body() == null || r.body().length == 0 ? null : mapper.readTree(r.body());
    } catch (IOException e) {
      body = null;
    }
    if (body == null || body.isMissingNode()) return Verdict.fallback("malformed_body", "the body is not JSON", true);
    List<String> violations = schemas.violations(ResponseSchemas.DECISION, body);
    if (!violations.isEmpty()) return Verdict.fallback("invalid_body", String.join("; ", violations), true);
    JsonNode agent = body.get("agent_id");
    if (agent.isNull()) return Verdict.fallback("declined", "agent_id is null", false);
    String id = agent.asText();
    if (candidates.stream().noneMatch(a -> a.id().equals(id))) {
      return Verdict.fallback("not_a_candidate", id + " is not among the candidates", false);
    }
    return Verdict.decided(id);
  }
}

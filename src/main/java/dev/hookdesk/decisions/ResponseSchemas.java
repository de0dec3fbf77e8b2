package dev.hookdesk.decisions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.hookdesk.core.DomainException.NotFound;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The published schemas of what outside services answer: a decision webhook
 * ({@value #DECISION}) and a bot ({@value #BOT}), from {@code responses} in the decision
 * catalog group. Answers are validated against them before Hookdesk acts on them.
 */
public final class ResponseSchemas {
  public static final String DECISION = "chat.assignment_requested.response";
  public static final String BOT = "bot.response";

  /** One published response body: {@code GET /decision-schemas/{name}}. */
  public record Published(String name, String description, ObjectNode schema, ObjectNode sample) {}

  private final Map<String, Published> published = new LinkedHashMap<>();
  private final Map<String, JsonSchema> validators = new LinkedHashMap<>();

  public ResponseSchemas(ObjectMapper mapper) {
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    for (JsonNode r : load(mapper).path("responses")) {
      Published p = new Published(r.get("name").asText(), r.get("description").asText(),
          (ObjectNode) r.get("schema"), (ObjectNode) r.get("sample"));
      published.put(p.name(), p);
      validators.put(p.name(), factory.getSchema(p.schema()));
    }
    if (!published.containsKey(DECISION) || !published.containsKey(BOT)) {
      throw new IllegalStateException("decision.json must publish " + DECISION + " and " + BOT);
    }
  }

  public List<Published> all() {
    return List.copyOf(published.values());
  }

  public Published get(String name) {
    Published p = published.get(name);
    if (p == null) throw new NotFound("Decision schema", name);
    return p;
  }

  /** The violations of a body against a published schema; empty when it is valid. */
  public List<String> violations(String name, JsonNode body) {
    List<String> out = new ArrayList<>();
    for (ValidationMessage m : validators.get(name).validate(body)) out.add(m.getMessage());
    return out;
  }

  private static JsonNode load(ObjectMapper mapper) {
    String resource = "events/catalog/decision.json";
    try (InputStream in = ResponseSchemas.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("missing " + resource);
      return mapper.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dev.hookdesk.events.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.AnnotationKeyword;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.hookdesk.core.DomainException.NotFound;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every event type Hookdesk emits, with a JSON Schema (2020-12) and a realistic sample.
 * Loaded from {@code events/catalog/<group>.json}: each group file holds shared
 * definitions ({@code defs}) and its types, each with a schema of {@code data} and a
 * sample {@code data}. The catalog wraps both in the envelope of SPEC §4.
 */
public final class EventCatalog {
  /** The group files; a new resource adds its name here. */
  static final List<String> GROUPS = List.of("common", "contact", "ticket", "chat", "decision",
      "operational", "app");

  /** The schema keyword that marks a personal field (email, phone, message text, IP). */
  public static final String PERSONAL = "x-personal";

  public static final List<String> SCOPES =
      List.of("global", "live_support", "decision", "operational", "webhook.test");

  private final Map<String, EventType> types = new LinkedHashMap<>();
  private final Map<String, JsonSchema> validators = new LinkedHashMap<>();

  public EventCatalog(ObjectMapper mapper) {
    ObjectNode defs = mapper.createObjectNode();
    List<ObjectNode> entries = new ArrayList<>();
    for (String group : GROUPS) {
      ObjectNode file = load(mapper, "events/catalog/" + group + ".json");
      if (file.has("defs")) defs.setAll((ObjectNode) file.get("defs"));
      if (file.has("types")) file.get("types").forEach(t -> entries.add((ObjectNode) t));
    }
    Envelope envelope = new Envelope(mapper, defs);
    // x-personal marks the fields redacted for non-private webhooks; it only annotates.
    JsonMetaSchema meta = JsonMetaSchema.builder(JsonMetaSchema.getV202012())
        .keyword(new AnnotationKeyword(PERSONAL)).build();
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
        b -> b.metaSchema(meta));
    SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
        .formatAssertionsEnabled(true).build();
    for (ObjectNode entry : entries) {
      String type = entry.get("type").asText();
      String scope = entry.get("scope").asText();
      if (!SCOPES.contains(scope)) throw new IllegalStateException(type + ": unknown scope " + scope);
      ObjectNode schema = envelope.schema(type, (ObjectNode) entry.get("data"));
      ObjectNode sample = envelope.sample(type, (ObjectNode) entry.get("sample"));
      EventType et = new EventType(type, scope, entry.get("description").asText(), schema, sample);
      if (types.put(type, et) != null) throw new IllegalStateException("duplicate event type " + type);
      validators.put(type, factory.getSchema(schema, config));
    }
  }

  public Collection<EventType> all() {
    return types.values();
  }

  public Optional<EventType> find(String type) {
    return Optional.ofNullable(types.get(type));
  }

  public EventType get(String type) {
    return find(type).orElseThrow(() -> new NotFound("Event type", type));
  }

  /** Fails loudly when code emits a type the catalog does not publish. */
  public void require(String type) {
    if (!types.containsKey(type)) throw new IllegalStateException("event type not in catalog: " + type);
  }

  /** The schema violations of an envelope; empty when it is valid. */
  public List<String> validate(JsonNode envelope) {
    String type = envelope.path("type").asText();
    JsonSchema schema = validators.get(type);
    if (schema == null) return List.of("unknown event type '" + type + "'");
    List<String> out = new ArrayList<>();
    for (ValidationMessage m : schema.validate(envelope)) out.add(m.getMessage());
    return out;
  }

  /** The event types whose name matches a pattern such as {@code ticket.*}. */
  public List<EventType> matching(String pattern) {
    List<EventType> out = new ArrayList<>();
    for (EventType t : types.values()) {
      if (matches(pattern, t.type())) out.add(t);
    }
    return out;
  }

  public static boolean matches(String pattern, String type) {
    if (pattern.equals("*")) return true;
    if (pattern.endsWith(".*")) return type.startsWith(pattern.substring(0, pattern.length() - 1));
    return pattern.equals(type);
  }

  private static ObjectNode load(ObjectMapper mapper, String resource) {
    try (InputStream in = EventCatalog.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("missing catalog resource " + resource);
      return (ObjectNode) mapper.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(resource, e);
    }
  }

  static List<String> fieldNames(JsonNode n) {
    List<String> out = new ArrayList<>();
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) out.add(it.next());
    return out;
  }

  static ArrayNode strings(ObjectMapper mapper, String... values) {
    ArrayNode a = mapper.createArrayNode();
    for (String v : values) a.add(v);
    return a;
  }
}

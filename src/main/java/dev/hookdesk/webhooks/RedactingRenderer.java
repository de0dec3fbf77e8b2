package dev.hookdesk.webhooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookdesk.events.Event;
import dev.hookdesk.events.catalog.EventCatalog;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** The SPEC §4 envelope as UTF-8 JSON, personal fields redacted unless the webhook is private. */
public final class RedactingRenderer implements PayloadRenderer {
  private final EventCatalog catalog;
  private final ObjectMapper mapper;
  private final Map<String, PersonalFields> personal = new ConcurrentHashMap<>();

  public RedactingRenderer(EventCatalog catalog, ObjectMapper mapper) {
    this.catalog = Objects.requireNonNull(catalog);
    this.mapper = Objects.requireNonNull(mapper);
  }

  @Override
  public byte[] render(Event event, Webhook webhook) {
    ObjectNode envelope = mapper.valueToTree(event);
    if (!webhook.privatePayload()) personalFields(event.type()).redact(envelope);
    try {
      return mapper.writeValueAsString(envelope).getBytes(StandardCharsets.UTF_8);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot render event " + event.id(), e);
    }
  }

  /** The redaction list of a type; types missing from the catalog have none to go by. */
  public PersonalFields personalFields(String type) {
    return personal.computeIfAbsent(type, t -> catalog.find(t).map(PersonalFields::of)
        .orElse(new PersonalFields(java.util.List.of())));
  }
}

package dev.hookdesk.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookdesk.events.catalog.EventCatalog;
import dev.hookdesk.events.catalog.EventType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Payload samples tab: every catalog type, grouped by resource, with schema and sample. */
final class PayloadSamples {

  record Sample(String type, String scope, String description, String schema, String sample) {
    /** The HTML id of the sample's section, for links such as {@code #ticket.created}. */
    String anchor() {
      return "type-" + type.replace('.', '-');
    }
  }

  record Group(String resource, List<Sample> samples) {}

  private final List<Group> groups;

  PayloadSamples(EventCatalog catalog, ObjectMapper mapper) {
    Map<String, List<Sample>> byResource = new LinkedHashMap<>();
    for (EventType t : catalog.all()) {
      byResource.computeIfAbsent(t.resource(), r -> new ArrayList<>()).add(new Sample(t.type(),
          t.scope(), t.description(), pretty(mapper, t.schema()), pretty(mapper, t.sample())));
    }
    List<Group> out = new ArrayList<>();
    byResource.forEach((resource, samples) -> out.add(new Group(resource, List.copyOf(samples))));
    this.groups = List.copyOf(out);
  }

  List<Group> groups() {
    return groups;
  }

  static String pretty(ObjectMapper mapper, JsonNode node) {
    try {
      return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}

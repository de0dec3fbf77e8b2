package dev.hookdesk.events.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a person makes each event type happen ("Open a ticket in the desk and use Send reply"),
 * for trying a webhook. Kept in {@code events/catalog/triggers.json} next to the catalog; a hint
 * for a type the catalog does not publish fails at start.
 */
public final class Triggers {
  static final String RESOURCE = "events/catalog/triggers.json";

  private final Map<String, String> hints;

  private Triggers(Map<String, String> hints) {
    this.hints = Map.copyOf(hints);
  }

  public static Triggers load(EventCatalog catalog, ObjectMapper mapper) {
    Objects.requireNonNull(catalog);
    Map<String, String> out = new LinkedHashMap<>();
    try (InputStream in = Triggers.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
      JsonNode all = mapper.readTree(in).path("triggers");
      all.properties().forEach(e -> {
        if (catalog.find(e.getKey()).isEmpty()) {
          throw new IllegalStateException(RESOURCE + ": no event type " + e.getKey() + " in the catalog");
        }
        out.put(e.getKey(), e.getValue().asText());
      });
    } catch (IOException e) {
      throw new UncheckedIOException(RESOURCE, e);
    }
    return new Triggers(out);
  }

  public Optional<String> of(String type) {
    return Optional.ofNullable(hints.get(type));
  }
}

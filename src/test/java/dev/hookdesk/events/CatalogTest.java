package dev.hookdesk.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookdesk.core.Json;
import dev.hookdesk.events.catalog.EventCatalog;
import dev.hookdesk.events.catalog.EventType;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogTest {
  static final EventCatalog catalog = new EventCatalog(Json.newMapper());

  @Test
  void everySampleMatchesItsSchema() {
    assertThat(catalog.all()).isNotEmpty();
    for (EventType t : catalog.all()) {
      assertThat(catalog.validate(t.sample())).as("sample of %s", t.type()).isEmpty();
      assertThat(t.description()).as(t.type()).hasSizeGreaterThan(20);
      assertThat(t.schema().at("/properties/data/type").asText()).as(t.type()).isEqualTo("object");
      assertThat(t.schema().at("/properties/data/required")).as("%s data has required fields", t.type()).isNotEmpty();
    }
  }

  @Test
  void schemasRejectWrongPayloads() {
    EventType t = catalog.get("contact.created");
    var bad = t.sample().deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) bad.get("data").get("contact")).put("blocked", "no");
    assertThat(catalog.validate(bad)).isNotEmpty();
    var wrongTime = t.sample().deepCopy();
    wrongTime.put("timestamp", "yesterday");
    assertThat(catalog.validate(wrongTime)).isNotEmpty();
    var missing = t.sample().deepCopy();
    missing.remove("actor");
    assertThat(catalog.validate(missing)).isNotEmpty();
  }

  @Test
  void publishesEveryTypeTheSpecNames() {
    List<String> spec = SpecEventTypes.ALL;
    assertThat(catalog.all().stream().map(EventType::type)).containsAll(spec);
  }
}

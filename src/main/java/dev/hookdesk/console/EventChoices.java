package dev.hookdesk.console;

import dev.hookdesk.events.catalog.EventCatalog;
import dev.hookdesk.events.catalog.EventType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The event checkboxes of the add/edit form: the types a scope takes, grouped by resource. */
final class EventChoices {
  static final String DECISION = "chat.assignment_requested";

  record Choice(String type, String description) {
    String inputId() {
      return "event-" + type.replace('.', '-').replace("*", "all");
    }
  }

  /** {@code wildcard} is {@code <resource>.*}, or null for the decision group. */
  record Group(String title, Choice wildcard, List<Choice> types) {}

  private final EventCatalog catalog;

  EventChoices(EventCatalog catalog) {
    this.catalog = Objects.requireNonNull(catalog);
  }

  List<Group> of(String scope) {
    Map<String, List<Choice>> byResource = new LinkedHashMap<>();
    List<Choice> decision = new ArrayList<>();
    for (EventType t : catalog.all()) {
      if (t.type().equals(DECISION) && scope.equals("live_support")) {
        decision.add(new Choice(t.type(), t.description()));
      } else if (t.scope().equals(scope)) {
        byResource.computeIfAbsent(t.resource(), r -> new ArrayList<>())
            .add(new Choice(t.type(), t.description()));
      }
    }
    List<Group> out = new ArrayList<>();
    byResource.forEach((resource, types) -> out.add(new Group(resource + " events",
        new Choice(resource + ".*", "every " + resource + " event, including new ones"), types)));
    if (!decision.isEmpty()) {
      out.add(new Group("Decision (alone in its webhook; answered synchronously)", null, decision));
    }
    return out;
  }
}

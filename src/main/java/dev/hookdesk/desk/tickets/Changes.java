package dev.hookdesk.desk.tickets;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** The {@code data.changes} of an event: each field that differs, as {@code {from, to}}. */
final class Changes {
  record Change(Object from, Object to) {}

  private static final Map<String, Function<Ticket, Object>> FIELDS = new LinkedHashMap<>();

  static {
    FIELDS.put("status", Ticket::status);
    FIELDS.put("priority", Ticket::priority);
    FIELDS.put("category", Ticket::category);
    FIELDS.put("tags", Ticket::tags);
    FIELDS.put("assignee_id", Ticket::assigneeId);
    FIELDS.put("team_id", Ticket::teamId);
    FIELDS.put("queue_id", Ticket::queueId);
    FIELDS.put("answered", Ticket::answered);
    FIELDS.put("spam", Ticket::spam);
    FIELDS.put("trashed", Ticket::trashed);
    FIELDS.put("archived", Ticket::archived);
  }

  private Changes() {}

  static Map<String, Change> between(Ticket before, Ticket after) {
    Map<String, Change> out = new LinkedHashMap<>();
    FIELDS.forEach((name, getter) -> {
      Object from = getter.apply(before);
      Object to = getter.apply(after);
      if (!Objects.equals(from, to)) out.put(name, new Change(from, to));
    });
    return out;
  }

  static Map<String, Change> only(Map<String, Change> changes, String... fields) {
    List<String> keep = Arrays.asList(fields);
    Map<String, Change> out = new LinkedHashMap<>();
    changes.forEach((k, v) -> {
      if (keep.contains(k)) out.put(k, v);
    });
    return out;
  }
}

package dev.hookdesk.desk.contacts;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code PATCH /contacts/{id}} (and the desk's Edit form) sets: API field names to new
 * values, where {@code null} clears the field. Fields left out keep their value.
 */
public record ContactEdit(Map<String, String> values) {
  /** The editable fields, by their API names. */
  public static final List<String> FIELDS = List.of("name", "email", "phone", "external_id");

  public ContactEdit {
    values.keySet().forEach(k -> {
      if (!FIELDS.contains(k)) throw new IllegalArgumentException("not an editable field: " + k);
    });
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** A field's change as the {@code changes} of {@code contact.updated} show it. */
  public record Change(String from, String to) {}

  public boolean sets(String field) {
    return values.containsKey(field);
  }

  public String value(String field) {
    return values.get(field);
  }

  Contact applyTo(Contact c) {
    return new Contact(c.id(), pick("name", c.name()), pick("email", c.email()),
        pick("phone", c.phone()), pick("external_id", c.externalId()), c.blocked(),
        c.emailSubscribed(), c.createdAt(), c.deletedAt());
  }

  private String pick(String field, String current) {
    return sets(field) ? values.get(field) : current;
  }

  /** Each editable field whose value differs, in {@link #FIELDS} order. */
  static Map<String, Change> changes(Contact before, Contact after) {
    Map<String, Change> out = new LinkedHashMap<>();
    put(out, "name", before.name(), after.name());
    put(out, "email", before.email(), after.email());
    put(out, "phone", before.phone(), after.phone());
    put(out, "external_id", before.externalId(), after.externalId());
    return out;
  }

  private static void put(Map<String, Change> out, String field, String from, String to) {
    if (!Objects.equals(from, to)) out.put(field, new Change(from, to));
  }
}

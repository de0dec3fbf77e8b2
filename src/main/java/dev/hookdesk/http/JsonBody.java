package dev.hookdesk.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookdesk.core.DomainException.FieldError;
import dev.hookdesk.core.DomainException.Invalid;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a JSON request object field by field, collecting every problem so that one 422
 * answer lists all of them. Call {@link #done()} after reading; it throws if anything
 * was wrong, before the service writes anything.
 */
public final class JsonBody {
  private final ObjectNode node;
  private final String prefix;
  private final List<FieldError> errors;

  public JsonBody(ObjectNode node) {
    this(node, "", new ArrayList<>());
  }

  private JsonBody(ObjectNode node, String prefix, List<FieldError> errors) {
    this.node = node;
    this.prefix = prefix;
    this.errors = errors;
  }

  public ObjectNode raw() {
    return node;
  }

  public boolean has(String field) {
    return node.has(field) && !node.get(field).isNull();
  }

  /** Refuses fields other than those listed, so a typo is not silently ignored. */
  public JsonBody allow(String... fields) {
    Set<String> allowed = Set.of(fields);
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!allowed.contains(name)) {
        error(name, "is not a known field; known fields are " + String.join(", ", fields));
      }
    }
    return this;
  }

  public String string(String field, int maxLength) {
    Optional<String> v = optString(field, maxLength);
    if (v.isEmpty() && !hasError(field)) error(field, "is required");
    return v.orElse(null);
  }

  public Optional<String> optString(String field, int maxLength) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) return Optional.empty();
    if (!v.isTextual()) {
      error(field, "must be a string");
      return Optional.empty();
    }
    String s = v.asText();
    if (ControlCharacters.forbiddenIn(s)) {
      error(field, ControlCharacters.CONTROL_MESSAGE);
      return Optional.empty();
    }
    if (s.isBlank()) {
      error(field, "must not be empty");
      return Optional.empty();
    }
    if (s.length() > maxLength) {
      error(field, "must be at most " + maxLength + " characters");
      return Optional.empty();
    }
    return Optional.of(s);
  }

  public String oneOf(String field, Collection<String> allowed) {
    Optional<String> v = optOneOf(field, allowed);
    if (v.isEmpty() && !hasError(field)) {
      error(field, "is required; use one of " + String.join(", ", allowed));
    }
    return v.orElse(null);
  }

  public Optional<String> optOneOf(String field, Collection<String> allowed) {
    Optional<String> v = optString(field, 200);
    if (v.isPresent() && !allowed.contains(v.get())) {
      error(field, "'" + v.get() + "' is not allowed; use one of " + String.join(", ", allowed));
      return Optional.empty();
    }
    return v;
  }

  public Optional<Integer> optInt(String field, int min, int max) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) return Optional.empty();
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      error(field, "must be a whole number");
      return Optional.empty();
    }
    int i = v.asInt();
    if (i < min || i > max) {
      error(field, "must be between " + min + " and " + max);
      return Optional.empty();
    }
    return Optional.of(i);
  }

  public Optional<Boolean> optBoolean(String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) return Optional.empty();
    if (!v.isBoolean()) {
      error(field, "must be true or false");
      return Optional.empty();
    }
    return Optional.of(v.asBoolean());
  }

  public boolean bool(String field) {
    Optional<Boolean> v = optBoolean(field);
    if (v.isEmpty() && !hasError(field)) error(field, "is required (true or false)");
    return v.orElse(false);
  }

  /** A list of non-empty strings; absent means empty. */
  public List<String> stringList(String field, int maxItems, int maxLength) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) return List.of();
    if (!v.isArray()) {
      error(field, "must be an array of strings");
      return List.of();
    }
    if (v.size() > maxItems) {
      error(field, "must have at most " + maxItems + " items");
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      JsonNode item = v.get(i);
      if (!item.isTextual() || item.asText().isBlank() || item.asText().length() > maxLength) {
        error(field + "[" + i + "]", "must be a non-empty string of at most " + maxLength + " characters");
      } else if (ControlCharacters.forbiddenIn(item.asText())) {
        error(field + "[" + i + "]", ControlCharacters.CONTROL_MESSAGE);
      } else {
        out.add(item.asText());
      }
    }
    return List.copyOf(out);
  }

  /** A flat object of string values, e.g. custom headers. */
  public Map<String, String> stringMap(String field) {
    JsonNode v = node.get(field);
    Map<String, String> out = new LinkedHashMap<>();
    if (v == null || v.isNull()) return out;
    if (!v.isObject()) {
      error(field, "must be an object of string values");
      return out;
    }
    v.fields().forEachRemaining(e -> {
      if (!e.getValue().isTextual()) {
        error(field + "." + e.getKey(), "must be a string");
      } else if (ControlCharacters.forbiddenIn(e.getKey() + e.getValue().asText())) {
        error(field + "." + e.getKey(), ControlCharacters.CONTROL_MESSAGE);
      } else {
        out.put(e.getKey(), e.getValue().asText());
      }
    });
    return out;
  }

  /** A required RFC 3339 time between 1970 and 9999 (see {@link TimeInput}). */
  public Instant time(String field) {
    Optional<Instant> v = optTime(field);
    if (v.isEmpty() && !hasError(field)) {
      error(field, "is required; send an RFC 3339 time such as " + TimeInput.EXAMPLE);
    }
    return v.orElse(null);
  }

  /** An RFC 3339 time between 1970 and 9999, if given (see {@link TimeInput}). */
  public Optional<Instant> optTime(String field) {
    return optString(field, 64).flatMap(s -> {
      try {
        return Optional.of(TimeInput.rfc3339(s));
      } catch (IllegalArgumentException e) {
        error(field, "'" + s + "' " + e.getMessage());
        return Optional.empty();
      }
    });
  }

  /** A nested object, read with the same error list; empty when absent. */
  public Optional<JsonBody> optObject(String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) return Optional.empty();
    if (!v.isObject()) {
      error(field, "must be an object");
      return Optional.empty();
    }
    return Optional.of(new JsonBody((ObjectNode) v, prefix + field + ".", errors));
  }

  /** Any JSON value, untouched. */
  public Optional<JsonNode> optValue(String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? Optional.empty() : Optional.of(v);
  }

  public void error(String field, String message) {
    errors.add(new FieldError(prefix + field, message));
  }

  public boolean hasError(String field) {
    String full = prefix + field;
    return errors.stream().anyMatch(e -> e.field().equals(full));
  }

  public boolean ok() {
    return errors.isEmpty();
  }

  /** Throws the collected problems, if any. */
  public void done() {
    if (!errors.isEmpty()) throw new Invalid(errors);
  }
}

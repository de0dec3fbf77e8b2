package dev.hookdesk.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookdesk.events.catalog.EventCatalog;
import dev.hookdesk.events.catalog.EventType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The personal fields of an event type, read once from its published schema: every property
 * marked {@code "x-personal": true}, as a path such as {@code data.ticket.requester.email}
 * ({@code []} steps into every array item). Non-private webhooks get these as "[redacted]".
 */
public record PersonalFields(List<String> paths) {
  public static final String REDACTED = "[redacted]";
  private static final int MAX_DEPTH = 12;

  public PersonalFields {
    paths = List.copyOf(paths);
  }

  public static PersonalFields of(EventType type) {
    Set<String> out = new TreeSet<>();
    collect(type.schema(), type.schema(), "", out, 0);
    return new PersonalFields(new ArrayList<>(out));
  }

  /** Replaces every non-null personal value in an envelope, in place. */
  public void redact(ObjectNode envelope) {
    for (String p : paths) apply(envelope, p.split("\\."), 0);
  }

  private static void apply(JsonNode node, String[] steps, int i) {
    if (node == null || !node.isObject()) return;
    String step = steps[i];
    boolean each = step.endsWith("[]");
    String name = each ? step.substring(0, step.length() - 2) : step;
    JsonNode child = node.get(name);
    if (child == null || child.isNull()) return;
    boolean last = i == steps.length - 1;
    if (each) {
      if (!child.isArray()) return;
      ArrayNode items = (ArrayNode) child;
      for (int k = 0; k < items.size(); k++) {
        if (last) {
          if (!items.get(k).isNull()) items.set(k, items.textNode(REDACTED));
        } else {
          apply(items.get(k), steps, i + 1);
        }
      }
    } else if (last) {
      ((ObjectNode) node).put(name, REDACTED);
    } else {
      apply(child, steps, i + 1);
    }
  }

  private static void collect(JsonNode root, JsonNode schema, String path, Set<String> out, int depth) {
    if (schema == null || depth > MAX_DEPTH) return;
    if (personal(schema) && !path.isEmpty()) {
      out.add(path);
      return;
    }
    schema = resolve(root, schema);
    if (personal(schema) && !path.isEmpty()) {
      out.add(path);
      return;
    }
    JsonNode props = schema.get("properties");
    if (props != null) {
      props.fields().forEachRemaining(e ->
          collect(root, e.getValue(), join(path, e.getKey()), out, depth + 1));
    }
    JsonNode items = schema.get("items");
    if (items != null && items.isObject()) collect(root, items, path + "[]", out, depth + 1);
    for (String k : List.of("anyOf", "oneOf", "allOf")) {
      JsonNode branches = schema.get(k);
      if (branches != null) branches.forEach(b -> collect(root, b, path, out, depth + 1));
    }
  }

  private static boolean personal(JsonNode schema) {
    return schema.path(EventCatalog.PERSONAL).asBoolean(false);
  }

  /** Follows local {@code $ref}s ({@code #/$defs/contact}) to the schema they name. */
  private static JsonNode resolve(JsonNode root, JsonNode schema) {
    for (int hops = 0; schema.has("$ref") && hops < MAX_DEPTH; hops++) {
      String ref = schema.get("$ref").asText();
      if (!ref.startsWith("#")) return schema;
      JsonNode target = root.at(ref.substring(1));
      if (target.isMissingNode()) return schema;
      schema = target;
    }
    return schema;
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }
}

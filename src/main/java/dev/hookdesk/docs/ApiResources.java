package dev.hookdesk.docs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The hand-written part of the API description, one file per feature under {@code api/}:
 * a tag, the feature's schemas and its operations keyed {@code "METHOD /path"}.
 */
final class ApiResources {
  /** The feature files; a new feature adds its name here. */
  static final List<String> FEATURES = List.of("common", "workspaces", "events", "agents",
      "contacts", "sources", "teams", "queues", "tickets", "chats", "decisions", "bots",
      "webhooks", "deliveries", "apps", "inspector", "docs");

  private ApiResources() {}

  static List<ObjectNode> load(ObjectMapper mapper) {
    List<ObjectNode> out = new ArrayList<>();
    for (String feature : FEATURES) {
      String resource = "api/" + feature + ".json";
      try (InputStream in = ApiResources.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) throw new IllegalStateException("missing API description " + resource);
        out.add((ObjectNode) mapper.readTree(in));
      } catch (IOException e) {
        throw new UncheckedIOException(resource, e);
      }
    }
    return out;
  }
}

package dev.hookdesk.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookdesk.events.catalog.EventCatalog;
import dev.hookdesk.events.catalog.EventType;
import dev.hookdesk.http.Access;
import dev.hookdesk.http.Route;
import dev.hookdesk.http.Router;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenAPI 3.1 document: operations from {@code api/*.json}, each secured as its registered
 * route says, every error as RFC 9457 problem+json, and every catalog event as a webhook.
 */
final class OpenApi {
  static final String VERSION = "3.1.1";
  private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");

  private final ObjectMapper mapper;
  private final List<ObjectNode> features;
  private final Map<String, ObjectNode> catalogSchemas;
  private final EventCatalog catalog;

  OpenApi(ObjectMapper mapper, EventCatalog catalog) {
    this.mapper = mapper;
    this.catalog = catalog;
    this.features = ApiResources.load(mapper);
    this.catalogSchemas = CatalogSchemas.of(catalog);
  }

  /** "METHOD /path" of every described operation, path as registered (with /api/v1). */
  TreeSet<String> described() {
    TreeSet<String> out = new TreeSet<>();
    for (ObjectNode f : features) {
      f.path("operations").fieldNames().forEachRemaining(k -> {
        String[] mp = k.split(" ", 2);
        out.add(mp[0] + " " + Router.API + mp[1]);
      });
    }
    return out;
  }

  ObjectNode document(List<Route> routes) {
    ObjectNode doc = mapper.createObjectNode();
    doc.put("openapi", VERSION);
    doc.put("jsonSchemaDialect", "https://spec.openapis.org/oas/3.1/dialect/base");
    ObjectNode info = doc.putObject("info");
    info.put("title", "Hookdesk API");
    info.put("version", "v1");
    info.put("description", "The HTTP API of a Hookdesk node. Send an API token as "
        + "'Authorization: Bearer <token>'. Errors are RFC 9457 application/problem+json. "
        + "Lists take ?limit= (1-500, default 50) and ?cursor= (next_cursor of the page before). "
        + "The webhooks below are the events Hookdesk sends to your receivers, signed as "
        + "Standard Webhooks; the same events are described as AsyncAPI 3 at /api/v1/asyncapi.json.");
    doc.putArray("servers").addObject().put("url", Router.API);
    doc.putArray("security").addObject().putArray("bearer");
    ArrayNode tags = doc.putArray("tags");
    ObjectNode paths = doc.putObject("paths");
    ObjectNode components = doc.putObject("components");
    ObjectNode schemas = components.putObject("schemas");
    catalogSchemas.forEach(schemas::set);
    components.putObject("securitySchemes").putObject("bearer")
        .put("type", "http").put("scheme", "bearer")
        .put("description", "An API token (hd_...) minted with POST /tokens; its role (admin, "
            + "agent, app) decides which operations it may call.");
    components.with("securitySchemes").putObject("client")
        .put("type", "http").put("scheme", "basic")
        .put("description", "An integration app's client credentials (client_id:client_secret), "
            + "for the webhooks it registers once for every installation (SPEC §8).");
    for (ObjectNode f : features) {
      if (f.has("tag")) tags.add(f.get("tag"));
      f.path("schemas").properties().forEach(e -> {
        if (schemas.has(e.getKey())) throw new IllegalStateException("schema named twice: " + e.getKey());
        schemas.set(e.getKey(), e.getValue());
      });
      String tag = f.path("tag").path("name").asText(null);
      f.path("operations").properties().forEach(e -> {
        String[] mp = e.getKey().split(" ", 2);
        ObjectNode item = paths.has(mp[1]) ? (ObjectNode) paths.get(mp[1]) : paths.putObject(mp[1]);
        Optional<Route> route = routes.stream()
            .filter(r -> r.method().equals(mp[0]) && r.path().equals(Router.API + mp[1])).findFirst();
        item.set(mp[0].toLowerCase(), operation(mp[0], mp[1], tag, (ObjectNode) e.getValue(),
            route.map(Route::access).orElse(Access.DESK)));
      });
    }
    doc.set("webhooks", webhooks());
    return doc;
  }

  private ObjectNode operation(String method, String path, String tag, ObjectNode spec, Access access) {
    ObjectNode op = mapper.createObjectNode();
    if (tag != null) op.putArray("tags").add(tag);
    op.put("operationId", operationId(method, path));
    op.put("summary", spec.path("summary").asText());
    String who = who(access);
    op.put("description", (spec.has("description") ? spec.get("description").asText() + "\n\n" : "") + who);
    op.put("x-hookdesk-access", access.name().toLowerCase());
    if (access == Access.PUBLIC) op.putArray("security");
    if (access == Access.CLIENT) op.putArray("security").addObject().putArray("client");
    ArrayNode params = op.putArray("parameters");
    Matcher m = PARAM.matcher(path);
    while (m.find()) {
      params.addObject().put("name", m.group(1)).put("in", "path").put("required", true)
          .putObject("schema").put("type", "string");
    }
    if (spec.path("page").asBoolean()) {
      params.addObject().put("name", "limit").put("in", "query")
          .put("description", "How many items (1-500, default 50)")
          .putObject("schema").put("type", "integer").put("minimum", 1).put("maximum", 500);
      params.addObject().put("name", "cursor").put("in", "query")
          .put("description", "next_cursor of the page before")
          .putObject("schema").put("type", "string");
    }
    spec.path("query").properties().forEach(q -> params.addObject().put("name", q.getKey())
        .put("in", "query").set("schema", q.getValue()));
    if (spec.has("body")) {
      ObjectNode body = op.putObject("requestBody");
      body.put("required", !spec.path("body_optional").asBoolean());
      body.putObject("content").putObject("application/json").set("schema", spec.get("body"));
    }
    ObjectNode responses = op.putObject("responses");
    spec.path("responses").properties().forEach(r -> {
      ObjectNode res = responses.putObject(r.getKey());
      res.put("description", description(Integer.parseInt(r.getKey())));
      if (!r.getValue().isNull()) {
        res.putObject("content").putObject("application/json").set("schema", expand(r.getValue()));
      }
    });
    if (access != Access.PUBLIC) {
      responses.set("401", problem("The token is missing, unknown or revoked"));
      responses.set("403", problem("The token's role may not call this"));
    }
    responses.set("default", problem("An error: bad input (400, 413, 415, 422), no such resource "
        + "(404), a conflict with the current state (409)"));
    return op;
  }

  /** {@code {"page": ref}} is a page of a list: {@code data} and {@code next_cursor}. */
  private JsonNode expand(JsonNode schema) {
    if (!schema.has("page")) return schema;
    ObjectNode page = mapper.createObjectNode();
    page.put("type", "object");
    page.putArray("required").add("data").add("next_cursor");
    page.put("additionalProperties", false);
    ObjectNode p = page.putObject("properties");
    p.putObject("data").put("type", "array").set("items", schema.get("page"));
    p.putObject("next_cursor").putArray("type").add("string").add("null");
    return page;
  }

  private ObjectNode problem(String description) {
    ObjectNode res = mapper.createObjectNode();
    res.put("description", description);
    res.putObject("content").putObject("application/problem+json").putObject("schema")
        .put("$ref", CatalogSchemas.REF + "problem");
    return res;
  }

  private ObjectNode webhooks() {
    ObjectNode hooks = mapper.createObjectNode();
    for (EventType t : catalog.all()) {
      ObjectNode post = hooks.putObject(t.type()).putObject("post");
      post.putArray("tags").add("Webhook events");
      post.put("operationId", "event_" + t.type().replace('.', '_'));
      post.put("summary", firstSentence(t.description()));
      post.put("description", t.description() + "\n\nScope: " + t.scope() + ".");
      post.putArray("security");
      ArrayNode params = post.putArray("parameters");
      for (WebhookHeaders h : WebhookHeaders.ALL) {
        params.addObject().put("name", h.name()).put("in", "header").put("required", true)
            .put("description", h.description()).putObject("schema").put("type", "string");
      }
      ObjectNode content = post.putObject("requestBody").put("required", true)
          .putObject("content").putObject("application/json");
      content.putObject("schema").put("$ref", CatalogSchemas.REF + CatalogSchemas.eventName(t.type()));
      content.set("example", t.sample());
      post.putObject("responses").putObject("2XX")
          .put("description", "Received; any other answer (or none within the timeout) is retried");
    }
    return hooks;
  }

  private static String firstSentence(String text) {
    int end = text.indexOf(". ");
    return end < 0 ? text : text.substring(0, end + 1);
  }

  static String operationId(String method, String path) {
    List<String> words = new ArrayList<>();
    words.add(method.toLowerCase());
    for (String seg : path.split("/")) {
      if (seg.isEmpty()) continue;
      words.add(seg.startsWith("{") ? "by_" + seg.substring(1, seg.length() - 1) : seg);
    }
    return String.join("_", words).replaceAll("[^A-Za-z0-9_]", "_");
  }

  private static String who(Access access) {
    return switch (access) {
      case PUBLIC -> "No token needed.";
      case DESK -> "Needs an admin, agent or app token.";
      case WEBHOOKS -> "Needs an admin token, or an app token for the app's own webhooks.";
      case AGENTS -> "Needs an admin token, or an app's installation token (scope chats:write) for the app's own bot agents.";
      case ADMIN -> "Needs an admin token.";
      case OWNER -> "Needs the instance owner token.";
      case CLIENT -> "Needs the app's client credentials in HTTP Basic (client_id:client_secret).";
    };
  }

  private static String description(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 201 -> "Created";
      case 202 -> "Accepted";
      case 204 -> "No content";
      default -> "HTTP " + status;
    };
  }
}

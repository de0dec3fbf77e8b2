package dev.hookdesk.docs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookdesk.events.catalog.EventCatalog;
import dev.hookdesk.http.Access;
import dev.hookdesk.http.Call;
import dev.hookdesk.http.Route;
import dev.hookdesk.http.Router;
import dev.hookdesk.http.Routes;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * {@code GET /api/v1/openapi.json}, {@code GET /api/v1/asyncapi.json} (no token) and the
 * {@code /docs} page. Both documents are built once, on first request, when every feature has
 * registered its routes.
 */
public final class ApiDocs implements Routes {
  private final ObjectMapper mapper;
  private final EventCatalog catalog;
  private final OpenApi openApi;
  private Supplier<List<Route>> routes = List::of;
  private volatile byte[] openApiJson;
  private volatile byte[] asyncApiJson;

  public ApiDocs(ObjectMapper mapper, EventCatalog catalog) {
    this.mapper = Objects.requireNonNull(mapper);
    this.catalog = Objects.requireNonNull(catalog);
    this.openApi = new OpenApi(mapper, catalog);
  }

  @Override
  public void register(Router router) {
    this.routes = router::registered;
    router.get("/openapi.json", Access.PUBLIC, c -> send(c, openApi()));
    router.get("/asyncapi.json", Access.PUBLIC, c -> send(c, asyncApi()));
    new DocsPage().register(router);
  }

  /** Registered {@code /api/v1} routes the document does not describe, as "METHOD /path". */
  public Set<String> undescribed(List<Route> registered) {
    Set<String> out = new TreeSet<>();
    registered.forEach(r -> out.add(r.method() + " " + r.path()));
    out.removeAll(openApi.described());
    return out;
  }

  /** Described operations that no registered route serves, as "METHOD /path". */
  public Set<String> unregistered(List<Route> registered) {
    Set<String> out = openApi.described();
    registered.forEach(r -> out.remove(r.method() + " " + r.path()));
    return out;
  }

  ObjectNode openApiDocument() {
    return openApi.document(routes.get());
  }

  private byte[] openApi() throws JsonProcessingException {
    byte[] b = openApiJson;
    if (b == null) openApiJson = b = mapper.writeValueAsBytes(openApiDocument());
    return b;
  }

  private byte[] asyncApi() throws JsonProcessingException {
    byte[] b = asyncApiJson;
    if (b == null) asyncApiJson = b = mapper.writeValueAsBytes(AsyncApi.document(mapper, catalog));
    return b;
  }

  private static void send(Call c, byte[] json) {
    c.ctx().header("Cache-Control", "public, max-age=300")
        .contentType("application/json").result(json);
  }
}

package dev.hookdesk.inspector;

import dev.hookdesk.http.Access;
import dev.hookdesk.http.Call;
import dev.hookdesk.http.Router;
import dev.hookdesk.http.Routes;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The inspector through the API, so a script can try a webhook with no outside service:
 * {@code /inspector/bins} creates, lists and deletes bins; {@code …/requests} reads what arrived.
 */
final class BinApiRoutes implements Routes {
  private final Inspector inspector;

  BinApiRoutes(Inspector inspector) {
    this.inspector = Objects.requireNonNull(inspector);
  }

  record BinJson(String id, String name, String captureUrl, Instant createdAt) {}

  record RequestJson(String id, Instant receivedAt, String method, String path,
      Map<String, String> headers, String body, boolean bodyBase64) {}

  @Override
  public void register(Router r) {
    r.post("/inspector/bins", Access.ADMIN, this::create);
    r.get("/inspector/bins", Access.ADMIN, c -> c.ok(Map.of("data",
        inspector.bins(c.workspaceId()).stream().map(b -> json(c, b)).toList())));
    r.get("/inspector/bins/{id}", Access.ADMIN,
        c -> c.ok(json(c, inspector.bin(c.workspaceId(), c.path("id")))));
    r.get("/inspector/bins/{id}/requests", Access.ADMIN, c -> c.ok(Map.of("data",
        requests(inspector.captures(inspector.bin(c.workspaceId(), c.path("id")))))));
    r.delete("/inspector/bins/{id}", Access.ADMIN, c -> {
      inspector.delete(inspector.bin(c.workspaceId(), c.path("id")));
      c.noContent();
    });
  }

  private void create(Call c) {
    var b = c.body().allow("name");
    String name = b.optString("name", 200).orElse("API bin");
    b.done();
    c.created(json(c, inspector.create(c.workspaceId(), name)));
  }

  /** The capture URL as the caller reached this node (scheme and host of the request). */
  private static BinJson json(Call c, Bin bin) {
    String base = c.ctx().scheme() + "://" + c.ctx().host();
    return new BinJson(bin.id(), bin.name(), base + bin.capturePath(), bin.createdAt());
  }

  private static List<RequestJson> requests(List<Capture> captures) {
    return captures.stream().map(x -> {
      var text = Inspector.utf8(x.body());
      Map<String, String> headers = new java.util.LinkedHashMap<>();
      x.headers().forEach(h -> headers.merge(h.name().toLowerCase(), h.value(), (a, v) -> a + ", " + v));
      return new RequestJson(x.id(), x.receivedAt(), x.method(), x.path(), headers,
          text.orElseGet(() -> java.util.Base64.getEncoder().encodeToString(x.body())), text.isEmpty());
    }).toList();
  }
}

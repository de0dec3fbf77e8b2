package dev.hookdesk.inspector;

import dev.hookdesk.http.Access;
import dev.hookdesk.http.Call;
import dev.hookdesk.http.Router;
import dev.hookdesk.http.Routes;
import dev.hookdesk.config.PublicUrl;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The inspector through the API, so a script can try a webhook with no outside service:
 * {@code /inspector/bins} creates, lists and deletes bins; {@code …/requests} lists what
 * arrived without bodies (so a bin's list stays small), {@code …/requests/{id}} reads one
 * request with its body.
 */
final class BinApiRoutes implements Routes {
  private final Inspector inspector;
  private final Supplier<PublicUrl> publicUrl;

  BinApiRoutes(Inspector inspector, Supplier<PublicUrl> publicUrl) {
    this.inspector = Objects.requireNonNull(inspector);
    this.publicUrl = Objects.requireNonNull(publicUrl);
  }

  record BinJson(String id, String name, String captureUrl, Instant createdAt) {}

  /** {@code body_size}: bytes that arrived; {@code truncated}: only the first 64 KiB were kept. */
  record SummaryJson(String id, Instant receivedAt, String method, String path, String query,
      Map<String, String> headers, long bodySize, boolean truncated) {}

  record RequestJson(String id, Instant receivedAt, String method, String path, String query,
      Map<String, String> headers, long bodySize, boolean truncated, String body,
      boolean bodyBase64) {}

  @Override
  public void register(Router r) {
    r.post("/inspector/bins", Access.ADMIN, this::create);
    r.get("/inspector/bins", Access.ADMIN, c -> c.ok(Map.of("data",
        inspector.bins(c.workspaceId()).stream().map(b -> json(b)).toList())));
    r.get("/inspector/bins/{id}", Access.ADMIN,
        c -> c.ok(json(inspector.bin(c.workspaceId(), c.path("id")))));
    r.get("/inspector/bins/{id}/requests", Access.ADMIN, c -> c.ok(Map.of("data",
        inspector.summaries(inspector.bin(c.workspaceId(), c.path("id"))).stream()
            .map(BinApiRoutes::summary).toList())));
    r.get("/inspector/bins/{id}/requests/{request_id}", Access.ADMIN, c -> c.ok(request(
        inspector.capture(inspector.bin(c.workspaceId(), c.path("id")), c.path("request_id")))));
    r.delete("/inspector/bins/{id}", Access.ADMIN, c -> {
      inspector.delete(inspector.bin(c.workspaceId(), c.path("id")));
      c.noContent();
    });
  }

  private void create(Call c) {
    var b = c.body().allow("name");
    String name = b.optString("name", 200).orElse("API bin");
    b.done();
    c.created(json(inspector.create(c.workspaceId(), name)));
  }

  /** The capture URL on the node's public URL, whatever Host the caller sent. */
  private BinJson json(Bin bin) {
    return new BinJson(bin.id(), bin.name(), publicUrl.get().resolve(bin.capturePath()), bin.createdAt());
  }

  private static SummaryJson summary(Capture.Summary x) {
    return new SummaryJson(x.id(), x.receivedAt(), x.method(), x.path(), x.query(), headers(x),
        x.bodySize(), x.truncated());
  }

  private static RequestJson request(Capture x) {
    var about = x.about();
    var text = Inspector.utf8(x.body());
    return new RequestJson(about.id(), about.receivedAt(), about.method(), about.path(),
        about.query(), headers(about), about.bodySize(), about.truncated(),
        text.orElseGet(() -> Base64.getEncoder().encodeToString(x.body())), text.isEmpty());
  }

  /** Headers by lower-case name; repeated ones joined as HTTP does. */
  private static Map<String, String> headers(Capture.Summary x) {
    Map<String, String> headers = new LinkedHashMap<>();
    x.headers().forEach(h -> headers.merge(h.name().toLowerCase(Locale.ROOT), h.value(), (a, v) -> a + ", " + v));
    return headers;
  }
}

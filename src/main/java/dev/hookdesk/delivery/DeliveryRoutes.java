package dev.hookdesk.delivery;

import dev.hookdesk.http.Access;
import dev.hookdesk.http.Call;
import dev.hookdesk.http.JsonBody;
import dev.hookdesk.http.Router;
import dev.hookdesk.http.Routes;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** SPEC §5 deliveries: the log of a webhook, one delivery with its attempts, retry, recover. */
public final class DeliveryRoutes implements Routes {
  private final DeliveryService deliveries;

  public DeliveryRoutes(DeliveryService deliveries) {
    this.deliveries = Objects.requireNonNull(deliveries);
  }

  @Override
  public void register(Router r) {
    r.get("/webhooks/{id}/deliveries", Access.WEBHOOKS, this::list);
    r.get("/deliveries/{id}", Access.WEBHOOKS, c -> c.ok(deliveries.get(c.principal(), c.path("id"))));
    r.post("/deliveries/{id}/retry", Access.WEBHOOKS,
        c -> c.ctx().status(202).json(deliveries.retry(c.principal(), c.path("id"))));
    r.post("/webhooks/{id}/recover", Access.WEBHOOKS, this::recover);
  }

  private void list(Call c) {
    Optional<String> status = c.query("status");
    if (status.isPresent() && !DeliveryStatus.keys().contains(status.get())) {
      throw new dev.hookdesk.core.DomainException.Invalid("status", "'" + status.get()
          + "' is not a delivery status; use one of " + String.join(", ", DeliveryStatus.keys()));
    }
    c.ok(deliveries.list(c.principal(), c.path("id"), status, c.query("event_type"), c.page()));
  }

  private void recover(Call c) {
    JsonBody b = c.body().allow("since", "until");
    Instant since = b.time("since");
    Instant until = b.optTime("until").orElse(null);
    if (since != null && until != null && !until.isAfter(since)) b.error("until", "must be after since");
    b.done();
    int n = deliveries.recover(c.principal(), c.path("id"), since, Optional.ofNullable(until));
    c.ctx().status(202).json(Map.of("recovered", n));
  }
}

package dev.hookdesk.console;

import dev.hookdesk.delivery.Delivery;
import dev.hookdesk.delivery.DeliveryService;
import dev.hookdesk.http.Router;
import dev.hookdesk.http.Routes;
import io.javalin.http.HttpStatus;
import java.util.Objects;

/** One delivery with every attempt's request and response; retry it. */
final class DeliveryPageRoutes implements Routes {
  static final String BASE = "/console/deliveries";

  private final ConsoleGate gate;
  private final DeliveryService deliveries;

  DeliveryPageRoutes(ConsoleGate gate, DeliveryService deliveries) {
    this.gate = Objects.requireNonNull(gate);
    this.deliveries = Objects.requireNonNull(deliveries);
  }

  record DeliveryPage(Chrome chrome, Delivery delivery) {}

  @Override
  public void register(Router router) {
    var r = router.raw();
    r.get(BASE + "/{id}", gate.page((ctx, s) -> {
      Delivery d = deliveries.get(s.principal(), ctx.pathParam("id"));
      gate.templates().send(ctx, 200, "console/delivery_page.jte",
          new DeliveryPage(s.chrome(d.eventType() + " · Delivery", "webhooks"), d));
    }));
    r.post(BASE + "/{id}/retry", gate.form((ctx, s) -> {
      deliveries.retry(s.principal(), ctx.pathParam("id"));
      ctx.redirect(BASE + "/" + ctx.pathParam("id"), HttpStatus.SEE_OTHER);
    }));
  }
}

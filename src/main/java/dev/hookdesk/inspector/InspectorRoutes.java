package dev.hookdesk.inspector;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookdesk.config.PublicUrl;
import dev.hookdesk.console.ConsoleGate;
import dev.hookdesk.core.Ids;
import dev.hookdesk.http.Router;
import dev.hookdesk.http.Routes;
import java.time.Clock;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/** The inspector's doors: the public capture URL, its console pages and its API. */
public final class InspectorRoutes implements Routes {
  private final CaptureRoutes capture;
  private final InspectorPages pages;
  private final BinApiRoutes api;

  /**
   * @param publicUrl where people and webhooks reach this node, for capture URLs; a supplier
   *     because the default names the port the node listens on, known once it started
   */
  public InspectorRoutes(Jdbi jdbi, Ids ids, Clock clock, ObjectMapper mapper, ConsoleGate gate,
      WebhookKeys webhookKeys, Supplier<PublicUrl> publicUrl) {
    Inspector inspector = new Inspector(jdbi, ids, clock, mapper);
    this.capture = new CaptureRoutes(inspector, clock);
    this.pages = new InspectorPages(gate, inspector, webhookKeys, mapper, publicUrl);
    this.api = new BinApiRoutes(inspector, publicUrl);
  }

  @Override
  public void register(Router router) {
    capture.register(router);
    pages.register(router);
    api.register(router);
  }
}

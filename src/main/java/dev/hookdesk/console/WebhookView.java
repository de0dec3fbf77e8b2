package dev.hookdesk.console;

import dev.hookdesk.http.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the Settings → Webhooks tabs need from the webhook registry. The registry (branch
 * {@code webhooks}) implements it; until then {@link #UNWIRED} makes the tabs say so.
 *
 * <p>TODO(lead): when the registry is merged, pass its implementation instead of
 * {@code WebhookView.UNWIRED} where {@code Hookdesk} builds {@code ConsoleRoutes}.
 */
public interface WebhookView {

  /** False only for {@link #UNWIRED}: the tabs then explain that the registry is missing. */
  boolean available();

  /** Registered (not deleted) webhooks of the workspace, newest first. */
  List<Row> registered(String workspaceId);

  /** Deleted webhooks of the workspace, most recently deleted first. */
  List<Row> deleted(String workspaceId);

  /** The workspace switch of {@code GET /settings/webhooks}. */
  boolean deliveriesEnabled(String workspaceId);

  /** {@code PUT /settings/webhooks}, done by an admin in the console. */
  void setDeliveriesEnabled(Principal by, boolean enabled);

  /**
   * One webhook as the lists show it.
   *
   * @param successRate24h share of deliveries that succeeded in the last 24 h, 0..1; null with none
   * @param deletedAt null unless deleted; {@code deletedBy} then names who deleted it
   */
  record Row(String id, String url, String description, String scope, List<String> events,
      List<String> sources, boolean privatePayload, boolean enabled, Double successRate24h,
      Instant createdAt, Instant deletedAt, String deletedBy) {
    public Row {
      Objects.requireNonNull(id);
      Objects.requireNonNull(url);
      events = List.copyOf(events);
      sources = List.copyOf(sources);
    }
  }

  /** No registry on this node yet: nothing to list, and nothing is pretended. */
  WebhookView UNWIRED = new WebhookView() {
    @Override
    public boolean available() {
      return false;
    }

    @Override
    public List<Row> registered(String workspaceId) {
      return List.of();
    }

    @Override
    public List<Row> deleted(String workspaceId) {
      return List.of();
    }

    @Override
    public boolean deliveriesEnabled(String workspaceId) {
      return false;
    }

    @Override
    public void setDeliveriesEnabled(Principal by, boolean enabled) {
      throw new dev.hookdesk.core.DomainException.Conflict(
          "The webhook registry is not part of this build yet; nothing to switch");
    }
  };
}

package dev.hookdesk.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookdesk.events.Event;
import dev.hookdesk.events.catalog.EventCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * Which app webhooks hear an event (SPEC §8). {@link #matching} depends only on the event's
 * workspace, type and source, so the fan-out may reuse its answer for a batch;
 * {@link #accepts} applies the filters that read the event itself (author, bots in the chat).
 */
final class AppWebhookMatch {
  private static final Set<String> LIFECYCLE = Set.of("app.installed", "app.uninstalled");
  private final WebhookStore store;
  private final AppAudience audience;

  AppWebhookMatch(WebhookStore store, AppAudience audience) {
    this.store = store;
    this.audience = audience;
  }

  List<Webhook> matching(Handle h, Event event) {
    if (LIFECYCLE.contains(event.type())) return lifecycle(h, event);
    List<AppAudience.Listener> listeners = audience.listeners(h, event.workspaceId());
    if (listeners.isEmpty()) return List.of();
    String resource = event.type().substring(0, event.type().indexOf('.'));
    Set<String> apps = listeners.stream().filter(l -> l.resources().contains(resource))
        .map(AppAudience.Listener::appId).collect(Collectors.toSet());
    List<Webhook> out = new ArrayList<>();
    for (Webhook w : store.activeOfApps(h, apps, event.workspaceId())) {
      if (hears(w, event)) out.add(w);
    }
    return out;
  }

  /**
   * {@code app.installed} and {@code app.uninstalled} go to the webhooks of the app they are
   * about, whatever its switch in the workspace: an app must learn that it lost its access.
   */
  private List<Webhook> lifecycle(Handle h, Event event) {
    String appId = event.data().at("/installation/app/id").asText("");
    if (appId.isEmpty()) return List.of();
    return store.activeOfApps(h, List.of(appId), event.workspaceId()).stream()
        .filter(w -> hears(w, event)).toList();
  }

  private static boolean hears(Webhook w, Event event) {
    AppFilters f = w.appFilters();
    if (f == null || f.isBot()) return false;
    if (!f.sources().isEmpty() && event.source() != null && !f.sources().contains(event.source())) {
      return false;
    }
    return w.events().stream().anyMatch(p -> EventCatalog.matches(p, event.type()));
  }

  /** The filters that depend on the event's content: the message's author and the chat's agents. */
  boolean accepts(Handle h, Webhook w, Event event) {
    AppFilters f = w.appFilters();
    if (f == null) return true;
    JsonNode message = event.data().path("message");
    if (!f.authorTypes().isEmpty() && event.type().startsWith("chat.message_")
        && !f.authorTypes().contains(message.path("author_type").asText())) {
      return false;
    }
    if (f.onlyMyChats() && event.type().startsWith("chat.")) {
      Map<String, AppAudience.Listener> byApp = audience.listeners(h, event.workspaceId()).stream()
          .collect(Collectors.toMap(AppAudience.Listener::appId, Function.identity(), (a, b) -> a));
      AppAudience.Listener me = byApp.get(w.appId());
      return me != null && takesPart(event.data().path("chat"), me.botIds());
    }
    return true;
  }

  private static boolean takesPart(JsonNode chat, Set<String> bots) {
    if (bots.isEmpty()) return false;
    for (String list : List.of("participants", "all_participants")) {
      for (JsonNode p : chat.path(list)) {
        if (bots.contains(p.path("id").asText())) return true;
      }
    }
    return false;
  }
}

package dev.hookdesk.webhooks;

import dev.hookdesk.events.catalog.EventCatalog;
import dev.hookdesk.events.catalog.EventType;
import dev.hookdesk.http.JsonBody;
import dev.hookdesk.webhooks.send.EgressGuard;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads and checks the body of {@code POST/PATCH /webhooks} (SPEC §5), naming each bad field. */
final class WebhookForm {
  static final String DECISION_EVENT = "chat.assignment_requested";
  static final List<String> SCOPES = List.of("global", "live_support", "operational");
  static final String[] FIELDS = {"scope", "url", "description", "events", "sources", "private",
      "secret", "headers", "enabled", "timeout_ms", "retry_schedule"};
  static final int MAX_URL = 2048;
  private static final Map<String, Set<String>> RESOURCES = Map.of(
      "global", Set.of("ticket", "contact"), "live_support", Set.of("chat"),
      "operational", Set.of("webhook", "delivery"));
  private static final Set<String> APP_RESOURCES = Set.of("ticket", "chat", "contact", "app");
  /** Set by Hookdesk (or its HTTP client) on every request; a second value would confuse receivers. */
  private static final Set<String> RESERVED_HEADERS = Set.of("content-type", "host", "user-agent",
      "content-length");
  /**
   * About one connection, not the request (RFC 9110 §7.6.1), or changing how it is sent:
   * {@code Expect: 100-continue} makes the client wait for an interim answer receivers never give.
   */
  private static final Set<String> CONNECTION_HEADERS = Set.of("connection", "keep-alive",
      "proxy-connection", "transfer-encoding", "te", "trailer", "upgrade", "expect",
      "proxy-authorization", "proxy-authenticate");

  private final EventCatalog catalog;
  private final EgressGuard guard;

  WebhookForm(EventCatalog catalog, EgressGuard guard) {
    this.catalog = catalog;
    this.guard = guard;
  }

  /**
   * Reads a full webhook; {@code checkEgress} is false when a change leaves the URL alone.
   *
   * @param storedHeaders the webhook's headers before a change (empty when registering): a
   *     header given as {@link CustomHeaders#MASK} keeps its stored value
   */
  WebhookDraft read(JsonBody b, boolean checkEgress, Map<String, String> storedHeaders) {
    String scope = b.oneOf("scope", SCOPES);
    String url = b.string("url", MAX_URL);
    String description = b.optString("description", 500).orElse(null);
    boolean priv = b.optBoolean("private").orElse(false);
    if (url != null) checkUrl(b, url, priv, checkEgress);
    List<String> events = events(b, scope);
    List<String> sources = b.stringList("sources", 50, 64);
    if (!sources.isEmpty() && scope != null && !scope.equals("live_support")) {
      b.error("sources", "only live_support webhooks filter on chat sources; remove it for " + scope);
    }
    Optional<String> secret = b.optString("secret", Secrets.MAX_LENGTH);
    secret.flatMap(Secrets::problem).ifPresent(p -> b.error("secret", p));
    Map<String, String> headers = headers(b, storedHeaders);
    boolean enabled = b.optBoolean("enabled").orElse(true);
    boolean decision = events.contains(DECISION_EVENT);
    int timeout = b.optInt("timeout_ms", 1000, decision ? 10_000 : 30_000)
        .orElse(decision ? 3000 : 15_000);
    List<Duration> retry = retry(b);
    return new WebhookDraft(scope, url, description, List.copyOf(new LinkedHashSet<>(events)),
        List.copyOf(new LinkedHashSet<>(sources)), priv, secret, headers, enabled, timeout, retry,
        null);
  }

  /**
   * Reads {@code POST /apps/{id}/webhooks} (SPEC §8). The payload is private (personal fields
   * shown) exactly when the URL is https; a {@code bot} webhook hears chat events only.
   */
  WebhookDraft readApp(JsonBody b) {
    String url = b.string("url", MAX_URL);
    String type = b.oneOf("type", AppFilters.TYPES);
    String description = b.optString("description", 500).orElse(null);
    boolean priv = url != null && url.regionMatches(true, 0, "https://", 0, 8);
    if (url != null) checkUrl(b, url, priv, true);
    List<String> events = b.stringList("events", 100, 64);
    if (events.isEmpty() && !b.hasError("events")) {
      b.error("events", "is required: list at least one event type, such as ticket.created or chat.*");
    }
    Set<String> resources = AppFilters.BOT.equals(type) ? Set.of("chat") : APP_RESOURCES;
    for (int i = 0; i < events.size(); i++) {
      appEvent(events.get(i), resources).ifPresent(problem -> b.error("events", problem));
    }
    Optional<String> secret = b.optString("secret", Secrets.MAX_LENGTH);
    secret.flatMap(Secrets::problem).ifPresent(p -> b.error("secret", p));
    AppFilters filters = appFilters(b, type == null ? AppFilters.WORKSPACE : type);
    return new WebhookDraft(Webhook.APP_SCOPE, url, description, List.copyOf(new LinkedHashSet<>(events)),
        List.of(), priv, secret, Map.of(), true, 15_000, Webhook.DEFAULT_RETRY_SCHEDULE, filters);
  }

  private Optional<String> appEvent(String e, Set<String> resources) {
    String resource = e.contains(".") ? e.substring(0, e.indexOf('.')) : e;
    if (e.equals(DECISION_EVENT)) {
      return Optional.of(DECISION_EVENT + " is a decision; register it with POST /webhooks in a workspace");
    }
    if (!resources.contains(resource)) {
      return Optional.of("'" + e + "' is not for this app webhook; use " + wildcards(resources)
          + " or one of their types");
    }
    if (!e.endsWith(".*") && catalog.find(e).isEmpty()) {
      return Optional.of("'" + e + "' is not an event type; see GET /event-types");
    }
    return Optional.empty();
  }

  private static AppFilters appFilters(JsonBody b, String type) {
    Optional<JsonBody> given = b.optObject("filters");
    if (given.isEmpty()) return new AppFilters(type, List.of(), List.of(), false);
    JsonBody f = given.get();
    f.allow("author_types", "sources", "only_my_chats");
    List<String> authors = f.stringList("author_types", 4, 16);
    for (String a : authors) {
      if (!AppFilters.AUTHOR_TYPES.contains(a)) {
        f.error("author_types", "'" + a + "' is not an author type; use " + String.join(", ", AppFilters.AUTHOR_TYPES));
      }
    }
    List<String> sources = f.stringList("sources", 50, 64);
    boolean mine = f.optBoolean("only_my_chats").orElse(false);
    return new AppFilters(type, List.copyOf(new LinkedHashSet<>(authors)),
        List.copyOf(new LinkedHashSet<>(sources)), mine);
  }

  private void checkUrl(JsonBody b, String url, boolean priv, boolean checkEgress) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      b.error("url", "is not a valid URL: " + e.getReason());
      return;
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
    if (!scheme.equals("http") && !scheme.equals("https")) {
      b.error("url", "must be an absolute http:// or https:// URL");
    } else if (uri.getHost() == null || uri.getHost().isBlank()) {
      b.error("url", "must name a host, like https://hooks.example.com/hookdesk");
    } else if (uri.getRawUserInfo() != null) {
      b.error("url", "must not contain credentials; send them in a custom header instead");
    } else if (priv && !scheme.equals("https")) {
      b.error("url", "must be https:// for a private webhook (its payload carries personal data)");
    } else if (checkEgress) {
      try {
        guard.checkUrl(uri);
      } catch (EgressGuard.Refused e) {
        b.error("url", "cannot be reached: " + e.getMessage());
      }
    }
  }

  private List<String> events(JsonBody b, String scope) {
    List<String> events = b.stringList("events", 100, 64);
    if (events.isEmpty() && !b.hasError("events")) {
      b.error("events", "is required: list at least one event type, such as ticket.created or ticket.*");
      return events;
    }
    if (scope == null) return events;
    Set<String> resources = RESOURCES.get(scope);
    for (int i = 0; i < events.size(); i++) {
      String e = events.get(i);
      String field = "events[" + i + "]";
      if (e.equals(DECISION_EVENT)) {
        if (!scope.equals("live_support")) b.error(field, DECISION_EVENT + " needs scope live_support");
        else if (events.size() > 1) {
          b.error(field, DECISION_EVENT + " is a decision: register it alone, in a webhook of its own");
        }
      } else if (e.endsWith(".*")) {
        String resource = e.substring(0, e.length() - 2);
        if (!resources.contains(resource)) {
          b.error(field, "'" + e + "' does not fit scope " + scope + "; use " + wildcards(resources));
        }
      } else {
        Optional<EventType> t = catalog.find(e);
        if (t.isEmpty()) {
          b.error(field, "'" + e + "' is not an event type; see GET /event-types");
        } else if (!t.get().scope().equals(scope)) {
          b.error(field, "'" + e + "' has scope " + t.get().scope() + ", not " + scope);
        }
      }
    }
    return events;
  }

  private static String wildcards(Set<String> resources) {
    List<String> out = new ArrayList<>();
    for (String r : resources.stream().sorted().toList()) out.add(r + ".*");
    return String.join(" or ", out);
  }

  private static Map<String, String> headers(JsonBody b, Map<String, String> stored) {
    Map<String, String> headers = b.stringMap("headers");
    if (headers.size() > 20) b.error("headers", "at most 20 custom headers");
    for (Map.Entry<String, String> h : headers.entrySet()) {
      String name = h.getKey();
      String field = "headers." + name;
      if (h.getValue().equals(CustomHeaders.MASK)) {
        Optional<String> kept = storedValue(stored, name);
        if (kept.isEmpty()) {
          b.error(field, "'" + CustomHeaders.MASK + "' stands for a stored value, and "
              + (stored.isEmpty() ? "there is none yet" : "this webhook has none for " + name)
              + "; give the value");
          continue;
        }
        h.setValue(kept.get());
      }
      String lower = name.toLowerCase();
      if (!name.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}")) {
        b.error(field, "is not a valid header name");
      } else if (RESERVED_HEADERS.contains(lower) || lower.startsWith("webhook-")
          || lower.startsWith("hookdesk-")) {
        b.error(field, "is set by Hookdesk and cannot be overridden");
      } else if (CONNECTION_HEADERS.contains(lower)) {
        b.error(field, "concerns the connection, not the request, and cannot be set");
      } else if (h.getValue().length() > 1000 || h.getValue().chars().anyMatch(c -> c < 32 && c != 9)) {
        b.error(field, "must be at most 1000 characters without line breaks");
      }
    }
    return headers;
  }

  private static Optional<String> storedValue(Map<String, String> stored, String name) {
    return stored.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
        .map(Map.Entry::getValue).findFirst();
  }

  private static List<Duration> retry(JsonBody b) {
    if (!b.has("retry_schedule")) return Webhook.DEFAULT_RETRY_SCHEDULE;
    List<String> raw = b.stringList("retry_schedule", RetrySchedule.MAX_ENTRIES, 16);
    List<Duration> out = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      Optional<Duration> d = RetrySchedule.parse(raw.get(i));
      if (d.isEmpty()) {
        b.error("retry_schedule[" + i + "]", "'" + raw.get(i)
            + "' is not a delay between 1s and 24h; write it like 5s, 5m or 2h");
      } else {
        out.add(d.get());
      }
    }
    return out;
  }
}

package dev.hookdesk.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookdesk.core.DomainException.Invalid;
import dev.hookdesk.delivery.Delivery;
import dev.hookdesk.events.catalog.EventCatalog;
import dev.hookdesk.events.catalog.EventType;
import dev.hookdesk.events.catalog.Triggers;
import dev.hookdesk.http.Page;
import dev.hookdesk.http.Router;
import dev.hookdesk.http.Routes;
import dev.hookdesk.http.TimeInput;
import dev.hookdesk.webhooks.WebhookTester;
import dev.hookdesk.webhooks.WebhookView;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A webhook's page: details, secret, how to trigger each subscribed event, a test send of any of
 * their samples, the last day's chart, deliveries and actions.
 */
final class WebhookPageRoutes implements Routes {
  static final String BASE = WebhookFormRoutes.BASE;
  static final String TEST_TYPE = "webhook.test";
  static final List<String> STATUSES = List.of("pending", "retrying", "succeeded", "failed", "exhausted");

  private final ConsoleGate gate;
  private final WebhookServices services;
  private final EventCatalog catalog;
  private final Triggers triggers;
  private final ObjectMapper mapper;
  private final Clock clock;

  WebhookPageRoutes(ConsoleGate gate, WebhookServices services, EventCatalog catalog,
      ObjectMapper mapper, Clock clock) {
    this.gate = Objects.requireNonNull(gate);
    this.services = Objects.requireNonNull(services);
    this.catalog = Objects.requireNonNull(catalog);
    this.triggers = Triggers.load(catalog, mapper);
    this.mapper = Objects.requireNonNull(mapper);
    this.clock = Objects.requireNonNull(clock);
  }

  /** An event type the webhook receives, and how to make it happen. */
  record Trigger(String type, String hint) {}

  /** What one action left to show: a notice, a revealed secret, a test's outcome. */
  record Shown(String notice, WebhookView.Secret secret, WebhookTester.Attempt test) {
    static final Shown NOTHING = new Shown(null, null, null);
  }

  /** @param triggers every type the webhook subscribes to, wildcards expanded, in catalog order */
  record WebhookPage(Chrome chrome, WebhookView webhook, Shown shown, String chart,
      List<Delivery> deliveries, String status, String nextCursor, String recoverSince,
      List<Trigger> triggers) {
    String testType() {
      return TEST_TYPE;
    }

    boolean chosen(String type) {
      return shown.test() != null && shown.test().eventType().equals(type);
    }

    List<String> statuses() {
      return STATUSES;
    }
  }

  @Override
  public void register(Router router) {
    var r = router.raw();
    r.get(BASE + "/{id}", gate.page((ctx, s) -> show(ctx, s, Shown.NOTHING)));
    r.post(BASE + "/{id}/secret", gate.form((ctx, s) -> show(ctx, s,
        new Shown(null, services.registry().secret(s.principal(), id(ctx)), null))));
    r.post(BASE + "/{id}/rotate", gate.form(this::rotate));
    r.post(BASE + "/{id}/test", gate.form(this::test));
    r.post(BASE + "/{id}/enable", gate.form((ctx, s) -> setEnabled(ctx, s, true)));
    r.post(BASE + "/{id}/disable", gate.form((ctx, s) -> setEnabled(ctx, s, false)));
    r.post(BASE + "/{id}/delete", gate.form((ctx, s) -> {
      services.registry().delete(s.principal(), s.actor(), id(ctx));
      ctx.redirect(WebhookSettingsRoutes.BASE + "/deleted", HttpStatus.SEE_OTHER);
    }));
    r.post(BASE + "/{id}/restore", gate.form((ctx, s) -> {
      services.registry().restore(s.principal(), id(ctx));
      ctx.redirect(BASE + "/" + id(ctx), HttpStatus.SEE_OTHER);
    }));
    r.post(BASE + "/{id}/recover", gate.form(this::recover));
  }

  /** Sends the sample of {@code webhook.test} or of a type the webhook subscribes to. */
  private void test(Context ctx, ConsoleSession s) {
    String type = Objects.requireNonNullElse(ctx.formParam("event_type"), TEST_TYPE).strip();
    if (!type.equals(TEST_TYPE) && subscribed(services.registry().get(s.principal(), id(ctx))).stream()
        .noneMatch(t -> t.type().equals(type))) {
      throw new Invalid("event_type", "'" + type + "' is not an event type this webhook receives");
    }
    show(ctx, s, new Shown(null, null, services.management().test(s.principal(), s.actor(), id(ctx),
        type.equals(TEST_TYPE) ? Optional.empty() : Optional.of(type))));
  }

  /** What the webhook receives: its patterns against the catalog, within its scope. */
  private List<Trigger> subscribed(WebhookView w) {
    List<Trigger> out = new ArrayList<>();
    for (EventType t : catalog.all()) {
      boolean inScope = t.scope().equals(w.scope())
          || (t.type().equals(EventChoices.DECISION) && w.scope().equals("live_support"));
      if (inScope && w.events().stream().anyMatch(p -> EventCatalog.matches(p, t.type()))) {
        out.add(new Trigger(t.type(), triggers.of(t.type()).orElse("")));
      }
    }
    return out;
  }

  private void rotate(Context ctx, ConsoleSession s) {
    long grace;
    try {
      grace = Long.parseLong(Objects.requireNonNullElse(ctx.formParam("grace_period_seconds"), "86400"));
    } catch (NumberFormatException e) {
      throw new Invalid("grace_period_seconds", "must be a number of seconds");
    }
    if (grace < 0 || grace > 7 * 24 * 3600) {
      throw new Invalid("grace_period_seconds", "must be between 0 and 604800 (7 days)");
    }
    var rotated = services.registry().rotate(s.principal(), id(ctx), grace, Optional.empty());
    String notice = rotated.previousSecretExpiresAt() == null
        ? "Secret rotated. The old secret no longer signs."
        : "Secret rotated. Both secrets sign until " + dev.hookdesk.core.Json.time(rotated.previousSecretExpiresAt())
            + "; update your receiver before then.";
    show(ctx, s, new Shown(notice, services.registry().secret(s.principal(), id(ctx)), null));
  }

  private void setEnabled(Context ctx, ConsoleSession s, boolean enabled) {
    services.management().update(s.principal(), s.actor(), id(ctx),
        mapper.createObjectNode().put("enabled", enabled));
    ctx.redirect(BASE + "/" + id(ctx), HttpStatus.SEE_OTHER);
  }

  private void recover(Context ctx, ConsoleSession s) {
    String since = Objects.requireNonNullElse(ctx.formParam("since"), "").trim();
    java.time.Instant at;
    try {
      at = TimeInput.inRange(LocalDateTime.parse(since).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      throw new Invalid("since", "must be a date and time (UTC), like 2026-11-21T10:00");
    } catch (IllegalArgumentException e) {
      throw new Invalid("since", e.getMessage());
    }
    int n = services.deliveries().recover(s.principal(), id(ctx), at, Optional.empty());
    show(ctx, s, new Shown(n == 0 ? "Nothing to recover: no failed or exhausted deliveries since "
        + since + " UTC." : n + (n == 1 ? " delivery" : " deliveries") + " queued for one more attempt.",
        null, null));
  }

  private void show(Context ctx, ConsoleSession s, Shown shown) {
    WebhookView w = services.registry().get(s.principal(), id(ctx));
    Optional<String> status = Optional.ofNullable(ctx.queryParam("status"))
        .filter(STATUSES::contains);
    Page.Result<Delivery> page = services.deliveries().list(s.principal(), w.id(), status,
        Optional.empty(), new Page(25, Optional.ofNullable(ctx.queryParam("cursor"))));
    String since = LocalDateTime.ofInstant(clock.instant().minus(Duration.ofDays(1)), ZoneOffset.UTC)
        .withSecond(0).withNano(0).toString();
    String title = (w.description() == null || w.description().isBlank() ? w.id() : w.description());
    gate.templates().send(ctx, 200, "console/webhook_page.jte", new WebhookPage(
        s.chrome(title + " · Webhook", "webhooks"), w, shown,
        DeliveryChart.svg(services.stats().hourly(w.id(), 24)), page.data(), status.orElse(""),
        page.nextCursor(), since, subscribed(w)));
  }

  private static String id(Context ctx) {
    return ctx.pathParam("id");
  }
}

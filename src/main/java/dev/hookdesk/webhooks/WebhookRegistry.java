package dev.hookdesk.webhooks;

import dev.hookdesk.core.Actor;
import dev.hookdesk.core.DomainException.Conflict;
import dev.hookdesk.core.DomainException.NotFound;
import dev.hookdesk.core.Ids;
import dev.hookdesk.desk.sources.SourceService;
import dev.hookdesk.events.Event;
import dev.hookdesk.events.catalog.EventCatalog;
import dev.hookdesk.events.catalog.EventType;
import dev.hookdesk.http.Page;
import dev.hookdesk.http.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The registered webhooks: management (SPEC §5) and what the delivery engine asks of them. */
public final class WebhookRegistry implements WebhookDirectory {
  private static final String OPERATIONAL = "operational";
  private static final String EXHAUSTED = "delivery.exhausted";
  /** The scopes whose events apps may hear; decisions and webhook reports stay in the workspace. */
  private static final java.util.Set<String> APP_HEARD = java.util.Set.of("global", "live_support");
  private final Jdbi jdbi;
  private final Ids ids;
  private final Clock clock;
  private final EventCatalog catalog;
  private final SourceService sources;
  private final WebhookStore store;
  private final WebhookEvents events;
  private final SecretBox box;
  private final AppWebhookMatch apps;

  public WebhookRegistry(Jdbi jdbi, Ids ids, Clock clock, EventCatalog catalog,
      SourceService sources, dev.hookdesk.events.EventLog eventLog,
      com.fasterxml.jackson.databind.ObjectMapper mapper, SecretBox box) {
    this(jdbi, ids, clock, catalog, sources, eventLog, mapper, box, AppAudience.NONE);
  }

  /** {@code audience}: which apps hear a workspace, for the webhooks apps register (SPEC §8). */
  public WebhookRegistry(Jdbi jdbi, Ids ids, Clock clock, EventCatalog catalog,
      SourceService sources, dev.hookdesk.events.EventLog eventLog,
      com.fasterxml.jackson.databind.ObjectMapper mapper, SecretBox box, AppAudience audience) {
    this.jdbi = Objects.requireNonNull(jdbi);
    this.ids = Objects.requireNonNull(ids);
    this.clock = Objects.requireNonNull(clock);
    this.catalog = Objects.requireNonNull(catalog);
    this.sources = Objects.requireNonNull(sources);
    this.store = new WebhookStore(mapper, new CustomHeaders(box, mapper));
    this.events = new WebhookEvents(eventLog, mapper);
    this.box = Objects.requireNonNull(box);
    this.apps = new AppWebhookMatch(store, Objects.requireNonNull(audience));
    // Rows from before header values were sealed: read fine as they are, sealed here once.
    jdbi.useTransaction(h -> store.sealClearHeaders(h));
  }

  /**
   * Registers several webhooks in one transaction: every check (a decision conflict between
   * two of them included) passes before any is kept, or none is.
   */
  List<WebhookView> createAll(Owner owner, List<WebhookDraft> drafts) {
    return jdbi.inTransaction(h -> {
      List<WebhookView> out = new ArrayList<>();
      for (WebhookDraft d : drafts) {
        String id = ids.next("whk");
        Webhook w = webhook(id, owner.workspaceId(), owner.appId().orElse(null), d, clock.instant(), null);
        checkSources(h, w);
        checkDecisionConflict(h, w); // sees the ones inserted above, in this transaction
        String secret = d.secret().orElseGet(() -> Secrets.generate(ids.randomBytes(32)));
        store.insert(h, w, box.seal(id, secret), clock.instant());
        out.add(view(store.find(h, id, false).orElseThrow()));
      }
      return out;
    });
  }

  /** Registers an app's webhook (SPEC §8); the answer carries its secret, this once. */
  AppWebhookView createForApp(String workspaceId, String appId, WebhookDraft d) {
    return jdbi.inTransaction(h -> {
      String id = ids.next("whk");
      String secret = d.secret().orElseGet(() -> Secrets.generate(ids.randomBytes(32)));
      store.insert(h, webhook(id, workspaceId, appId, d, clock.instant(), null), box.seal(id, secret),
          clock.instant());
      return AppWebhookView.of(store.find(h, id, false).orElseThrow(), secret);
    });
  }

  /** {@code GET /apps/{id}/webhooks}: the app's webhooks, secrets masked. */
  public List<AppWebhookView> ofApp(String appId) {
    return jdbi.withHandle(h -> store.ofApp(h, appId)).stream()
        .map(s -> AppWebhookView.of(s, Secrets.mask(box.open(s.webhook().id(), s.sealedSecret()))))
        .toList();
  }

  /** The enabled {@code bot} webhook of an app (SPEC §8): where its bot agents are called. */
  public Optional<Webhook> botOfApp(Handle h, String appId) {
    return store.ofApp(h, appId).stream().map(StoredWebhook::webhook)
        .filter(w -> w.enabled() && w.appFilters() != null && w.appFilters().isBot()).findFirst();
  }

  /** The ids of an app's registered webhooks, read in the caller's transaction (to cancel what is queued for them). */
  public List<String> idsOfApp(Handle h, String appId) {
    return store.ofApp(h, appId).stream().map(s -> s.webhook().id()).toList();
  }

  /** Deletes an app's webhook: its deliveries stop (the engine cancels them as it meets them). */
  public void deleteOfApp(String appId, Actor actor, String id) {
    jdbi.useTransaction(h -> {
      StoredWebhook s = store.find(h, id, true)
          .filter(x -> x.webhook().isApp() && appId.equals(x.webhook().appId()) && !x.webhook().deleted())
          .orElseThrow(() -> new NotFound("Webhook", id));
      store.setDeleted(h, s.webhook().id(), clock.instant(), actor.id() + " via " + actor.via(), clock.instant());
    });
  }

  StoredWebhook stored(Owner owner, String id) {
    return jdbi.withHandle(h -> load(h, owner, id, false));
  }

  /** {@code GET /webhooks/{id}}. */
  public WebhookView get(Principal p, String id) {
    return view(stored(Owner.of(p), id));
  }

  /** {@code GET /webhooks} and {@code GET /webhooks/deleted}. */
  public Page.Result<WebhookView> list(Principal p, boolean deleted, Page page) {
    List<StoredWebhook> rows = jdbi.withHandle(h -> store.list(h, Owner.of(p), deleted,
        page.cursor().orElse(""), page.limit() + 1));
    List<WebhookView> views = new ArrayList<>();
    for (StoredWebhook s : rows) views.add(view(s));
    return Page.Result.of(views, page.limit(), WebhookView::id);
  }

  WebhookView update(Owner owner, Actor actor, String id, WebhookDraft d) {
    return jdbi.inTransaction(h -> {
      StoredWebhook before = load(h, owner, id, true);
      Webhook old = before.webhook();
      if (old.deleted()) throw new Conflict("Webhook " + id + " is deleted; restore it before changing it");
      Webhook w = webhook(id, old.workspaceId(), old.appId(), d, old.createdAt(), null);
      checkSources(h, w);
      checkDecisionConflict(h, w);
      String reason = w.enabled() ? null : old.enabled() ? "disabled through the API" : before.disabledReason();
      store.update(h, w, reason, clock.instant());
      if (w.enabled() && !old.enabled()) events.enabled(h, w, actor);
      if (!w.enabled() && old.enabled()) events.disabled(h, w, actor, reason);
      return view(store.find(h, id, false).orElseThrow());
    });
  }

  public WebhookView delete(Principal p, Actor actor, String id) {
    return jdbi.inTransaction(h -> {
      StoredWebhook s = load(h, Owner.of(p), id, true);
      if (s.webhook().deleted()) throw new Conflict("Webhook " + id + " is already deleted");
      store.setDeleted(h, id, clock.instant(), actor.id() + " via " + actor.via(), clock.instant());
      return view(store.find(h, id, false).orElseThrow());
    });
  }

  public WebhookView restore(Principal p, String id) {
    return jdbi.inTransaction(h -> {
      StoredWebhook s = load(h, Owner.of(p), id, true);
      if (!s.webhook().deleted()) throw new Conflict("Webhook " + id + " is not deleted");
      checkDecisionConflict(h, s.webhook());
      store.setDeleted(h, id, null, null, clock.instant());
      return view(store.find(h, id, false).orElseThrow());
    });
  }

  /** {@code GET /webhooks/{id}/secret}. */
  public WebhookView.Secret secret(Principal p, String id) {
    StoredWebhook s = stored(Owner.of(p), id);
    boolean inGrace = s.sealedPrevious() != null && s.previousUntil().isAfter(clock.instant());
    return new WebhookView.Secret(box.open(id, s.sealedSecret()),
        inGrace ? box.open(id, s.sealedPrevious()) : null, inGrace ? s.previousUntil() : null);
  }

  public WebhookView.Rotated rotate(Principal p, String id, long graceSeconds, Optional<String> given) {
    return jdbi.inTransaction(h -> {
      StoredWebhook s = load(h, Owner.of(p), id, true);
      if (s.webhook().deleted()) throw new Conflict("Webhook " + id + " is deleted; restore it first");
      String next = given.orElseGet(() -> Secrets.generate(ids.randomBytes(32)));
      Instant until = clock.instant().plusSeconds(graceSeconds);
      store.rotate(h, id, box.seal(id, next), graceSeconds == 0 ? null : s.sealedSecret(),
          graceSeconds == 0 ? null : until, clock.instant());
      return new WebhookView.Rotated(Secrets.mask(next), graceSeconds == 0 ? null : until);
    });
  }

  @Override
  public List<Webhook> matching(Handle h, Event event) {
    Optional<EventType> type = catalog.find(event.type());
    if (type.isEmpty()) return List.of();
    List<Webhook> out = new ArrayList<>();
    for (Webhook w : store.active(h, event.workspaceId(), type.get().scope())) {
      if (w.isDecision()) continue;
      if (!w.sources().isEmpty() && !w.sources().contains(event.source())) continue;
      if (w.events().stream().anyMatch(p -> EventCatalog.matches(p, event.type()))) out.add(w);
    }
    if (APP_HEARD.contains(type.get().scope()) || event.type().startsWith("app.")) {
      out.addAll(apps.matching(h, event));
    }
    return out;
  }

  @Override
  public boolean accepts(Handle h, Webhook webhook, Event event) {
    // what an operational event is about is in its content, so it is checked per event here:
    // fan-out shares one matching() answer among the events of a workspace, type and source
    boolean operational = catalog.find(event.type()).map(t -> t.scope().equals(OPERATIONAL)).orElse(false);
    if (operational && (reportsAReport(event) || isAbout(event, webhook))) return false;
    return !webhook.isApp() || apps.accepts(h, webhook, event);
  }

  /**
   * The enabled decision webhook that covers a chat source (SPEC §6: at most one), if the
   * workspace switch is on.
   */
  public Optional<Webhook> decisionFor(String workspaceId, String source) {
    return jdbi.withHandle(h -> store.active(h, workspaceId, "live_support").stream()
        .filter(Webhook::isDecision)
        .filter(w -> w.sources().isEmpty() || w.sources().contains(source)).findFirst());
  }

  /** SPEC §5: an operational webhook never hears about itself (its own failures, say). */
  private static boolean isAbout(Event event, Webhook w) {
    return w.id().equals(event.data().at("/webhook/id").asText(null))
        || w.id().equals(event.data().path("webhook_id").asText(null));
  }

  /**
   * A {@code delivery.exhausted} about a delivery that itself carried a {@code delivery.exhausted}:
   * kept in the event log but sent nowhere, so two broken operational webhooks cannot report
   * each other's failures back and forth for ever.
   */
  private static boolean reportsAReport(Event event) {
    return event.type().equals(EXHAUSTED) && EXHAUSTED.equals(event.data().path("event_type").asText());
  }

  @Override
  public Optional<Webhook> find(Handle h, String webhookId) {
    return store.find(h, webhookId, false).map(StoredWebhook::webhook);
  }

  @Override
  public List<byte[]> signingSecrets(String webhookId, Instant now) {
    Optional<StoredWebhook> s = jdbi.withHandle(h -> store.find(h, webhookId, false));
    return s.isEmpty() ? List.of() : keys(s.get(), now);
  }

  @Override
  public Map<String, List<byte[]>> signingSecrets(Handle h, Collection<String> webhookIds, Instant now) {
    Map<String, List<byte[]>> out = new HashMap<>();
    if (webhookIds.isEmpty()) return out;
    for (StoredWebhook s : store.findAll(h, webhookIds)) out.put(s.webhook().id(), keys(s, now));
    return out;
  }

  private List<byte[]> keys(StoredWebhook s, Instant now) {
    String id = s.webhook().id();
    List<byte[]> keys = new ArrayList<>();
    keys.add(Signer.key(box.open(id, s.sealedSecret())));
    if (s.sealedPrevious() != null && s.previousUntil().isAfter(now)) {
      keys.add(Signer.key(box.open(id, s.sealedPrevious())));
    }
    return keys;
  }

  /**
   * The signing keys of every registered webhook of the workspace whose URL has exactly this
   * path, so the inspector verifies what a bin caught with the secrets of the webhooks aimed at it.
   */
  public List<byte[]> signingSecretsOfPath(String workspaceId, String path, Instant now) {
    List<String> ids = jdbi.withHandle(h -> store.withUrlContaining(h, workspaceId, path)).stream()
        .filter(s -> path.equals(pathOf(s.webhook().url())))
        .map(s -> s.webhook().id()).toList();
    List<byte[]> keys = new ArrayList<>();
    for (String id : ids) keys.addAll(signingSecrets(id, now));
    return keys;
  }

  private static String pathOf(String url) {
    try {
      String p = java.net.URI.create(url).getRawPath();
      return p != null && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  @Override
  public void disable(Handle h, String webhookId, String reason) {
    Optional<StoredWebhook> s = store.find(h, webhookId, true);
    if (s.isEmpty() || !s.get().webhook().enabled()) return;
    Webhook w = s.get().webhook();
    Webhook off = new Webhook(w.id(), w.workspaceId(), w.appId(), w.scope(), w.url(), w.description(),
        w.events(), w.sources(), w.privatePayload(), w.headers(), false, w.timeoutMs(),
        w.retrySchedule(), w.createdAt(), w.deletedAt(), w.appFilters());
    store.update(h, off, reason, clock.instant());
    events.disabled(h, off, Actor.system(), reason);
  }

  WebhookView view(StoredWebhook s) {
    return WebhookView.of(s, Secrets.mask(box.open(s.webhook().id(), s.sealedSecret())));
  }

  private StoredWebhook load(Handle h, Owner owner, String id, boolean forUpdate) {
    // an app's own webhooks are managed through /apps/{id}/webhooks only
    return store.find(h, id, forUpdate).filter(s -> owner.sees(s.webhook()) && !s.webhook().isApp())
        .orElseThrow(() -> new NotFound("Webhook", id));
  }

  private void checkSources(Handle h, Webhook w) {
    for (int i = 0; i < w.sources().size(); i++) {
      sources.require(h, w.workspaceId(), "sources[" + i + "]", w.sources().get(i));
    }
  }

  /** At most one enabled decision webhook per (event, source); no sources means every source. */
  private void checkDecisionConflict(Handle h, Webhook w) {
    if (!w.isDecision() || !w.enabled()) return;
    for (Webhook other : store.enabledOfScope(h, w.workspaceId(), w.scope())) {
      if (other.id().equals(w.id()) || !other.isDecision()) continue;
      boolean overlap = w.sources().isEmpty() || other.sources().isEmpty()
          || w.sources().stream().anyMatch(other.sources()::contains);
      if (overlap) {
        throw new Conflict("Webhook " + other.id() + " already decides " + WebhookForm.DECISION_EVENT
            + " for " + (other.sources().isEmpty() ? "every source" : "sources " + other.sources())
            + "; disable or delete it, or give this one other sources");
      }
    }
  }

  private static Webhook webhook(String id, String ws, String app, WebhookDraft d, Instant created,
      Instant deleted) {
    return new Webhook(id, ws, app, d.scope(), d.url(), d.description(), d.events(), d.sources(),
        d.privatePayload(), d.headers(), d.enabled(), d.timeoutMs(), d.retrySchedule(), created, deleted,
        d.appFilters());
  }
}

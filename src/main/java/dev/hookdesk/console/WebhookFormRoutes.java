package dev.hookdesk.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookdesk.core.DomainException.Conflict;
import dev.hookdesk.core.DomainException.FieldError;
import dev.hookdesk.core.DomainException.Invalid;
import dev.hookdesk.http.Router;
import dev.hookdesk.http.Routes;
import dev.hookdesk.webhooks.WebhookManagement;
import dev.hookdesk.webhooks.WebhookRegistry;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Add and edit a webhook; the registry checks the input and its errors are shown by the fields. */
final class WebhookFormRoutes implements Routes {
  static final String BASE = "/console/webhooks";
  private static final List<String> SHOWN = List.of("scope", "url", "description", "secret",
      "private", "events", "sources", "headers", "timeout_ms", "retry_schedule");

  private final ConsoleGate gate;
  private final WebhookManagement webhooks;
  private final WebhookRegistry registry;
  private final EventChoices choices;
  private final ObjectMapper mapper;

  WebhookFormRoutes(ConsoleGate gate, WebhookManagement webhooks, WebhookRegistry registry,
      EventChoices choices, ObjectMapper mapper) {
    this.gate = Objects.requireNonNull(gate);
    this.webhooks = Objects.requireNonNull(webhooks);
    this.registry = Objects.requireNonNull(registry);
    this.choices = Objects.requireNonNull(choices);
    this.mapper = Objects.requireNonNull(mapper);
  }

  /**
   * @param id null when adding
   * @param errors by form field; {@code ""} holds what belongs to no field
   */
  record FormPage(Chrome chrome, String id, WebhookInput input, List<EventChoices.Group> groups,
      Map<String, List<String>> errors) {
    boolean adding() {
      return id == null;
    }

    String action() {
      return adding() ? BASE + "/new" : BASE + "/" + id + "/edit";
    }

    /** The same form for another scope, keeping what the link from the inspector filled in. */
    String scopeHref(String scope) {
      String url = input.urls().isBlank() ? "" : "&url=" + URLEncoder.encode(input.urls(), StandardCharsets.UTF_8);
      String d = input.description().isBlank() ? ""
          : "&description=" + URLEncoder.encode(input.description(), StandardCharsets.UTF_8);
      return BASE + "/new?scope=" + scope + url + d;
    }

    List<String> errorsOf(String field) {
      return errors.getOrDefault(field, List.of());
    }

    String invalid(String field) {
      return errors.containsKey(field) ? "true" : null;
    }

    String describedBy(String field) {
      return errors.containsKey(field) ? field + "-error " + field + "-help" : field + "-help";
    }
  }

  @Override
  public void register(Router router) {
    var routes = router.raw();
    routes.get(BASE + "/new", gate.page((ctx, s) -> {
      String asked = param(ctx, "scope");
      String scope = WebhookManagement.scopes().contains(asked) ? asked : "global";
      WebhookInput blank = WebhookInput.empty(scope);
      WebhookInput input = new WebhookInput(scope, param(ctx, "url"), param(ctx, "description"), "",
          false, blank.events(), "", "", "", "");
      show(ctx, s, 200, null, input, Map.of());
    }));
    routes.post(BASE + "/new", gate.form(this::create));
    routes.get(BASE + "/{id}/edit", gate.page((ctx, s) -> show(ctx, s, 200, ctx.pathParam("id"),
        WebhookInput.of(registry.get(s.principal(), ctx.pathParam("id"))), Map.of())));
    routes.post(BASE + "/{id}/edit", gate.form(this::update));
  }

  private void create(Context ctx, ConsoleSession s) {
    WebhookInput input = WebhookInput.from(ctx);
    List<String> urls = input.urlList();
    if (urls.isEmpty()) urls = List.of("");
    // Check every URL first, so several URLs create all their webhooks or none.
    Map<String, List<String>> errors = new LinkedHashMap<>();
    List<ObjectNode> bodies = new ArrayList<>();
    for (String url : urls) {
      List<FieldError> local = new ArrayList<>();
      ObjectNode body = input.body(mapper, url, true, local);
      try {
        webhooks.check(body);
      } catch (Invalid e) {
        local.addAll(e.errors());
      }
      collect(errors, local, urls.size() > 1 ? url : null);
      bodies.add(body);
    }
    if (!errors.isEmpty()) {
      show(ctx, s, 422, null, input, errors);
      return;
    }
    List<String> created = new ArrayList<>();
    try {
      webhooks.createAll(s.principal(), bodies).forEach(w -> created.add(w.id()));
    } catch (Conflict e) {
      // e.g. two URLs deciding the same chat source: nothing was saved
      show(ctx, s, 409, null, input, Map.of("", List.of(e.getMessage())));
      return;
    }
    ctx.redirect(created.size() == 1 ? BASE + "/" + created.get(0) : WebhookSettingsRoutes.BASE,
        HttpStatus.SEE_OTHER);
  }

  private void update(Context ctx, ConsoleSession s) {
    String id = ctx.pathParam("id");
    String scope = registry.get(s.principal(), id).scope();
    WebhookInput typed = WebhookInput.from(ctx);
    WebhookInput input = new WebhookInput(scope, typed.urls(), typed.description(), "",
        typed.privatePayload(), typed.events(), typed.sources(), typed.headers(), typed.timeoutMs(),
        typed.retrySchedule());
    List<FieldError> local = new ArrayList<>();
    ObjectNode body = input.body(mapper, input.urls().trim(), false, local);
    if (!body.has("description")) body.putNull("description");
    if (!body.has("timeout_ms")) body.putNull("timeout_ms");
    if (!body.has("retry_schedule")) body.putNull("retry_schedule");
    try {
      if (local.isEmpty()) {
        webhooks.update(s.principal(), s.actor(), id, body);
      } else {
        webhooks.check(body); // to show the registry's errors too, without saving
      }
    } catch (Invalid e) {
      local.addAll(e.errors());
    }
    if (!local.isEmpty()) {
      Map<String, List<String>> errors = new LinkedHashMap<>();
      collect(errors, local, null);
      show(ctx, s, 422, id, input, errors);
      return;
    }
    ctx.redirect(BASE + "/" + id, HttpStatus.SEE_OTHER);
  }

  private void show(Context ctx, ConsoleSession s, int status, String id, WebhookInput input,
      Map<String, List<String>> errors) {
    String title = id == null ? "Add webhook" : "Edit webhook";
    gate.templates().send(ctx, status, "console/webhook_form.jte", new FormPage(
        s.chrome(title, "webhooks"), id, input, choices.of(input.scope()), errors));
  }

  /**
   * Files each API error under the form field it names (events[2] and headers.X under their
   * list); with several URLs, a URL's own errors name it, and the rest are listed once.
   */
  private static void collect(Map<String, List<String>> errors, List<FieldError> found, String url) {
    for (FieldError e : found) {
      String field = e.field() == null ? "" : e.field().split("[\\[.]", 2)[0];
      String key = SHOWN.contains(field) ? field : "";
      String text = (url != null && field.equals("url") ? url + ": " : "")
          + (e.field() == null ? "" : e.field() + " ") + e.message();
      List<String> list = errors.computeIfAbsent(key, k -> new ArrayList<>());
      if (!list.contains(text)) list.add(text);
    }
  }

  private static String param(Context ctx, String name) {
    String v = ctx.queryParam(name);
    return v == null ? "" : v.trim();
  }
}

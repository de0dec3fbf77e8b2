package dev.hookdesk.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookdesk.core.DomainException.FieldError;
import dev.hookdesk.webhooks.WebhookView;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The add/edit form as typed: kept as strings so a page with errors shows exactly what was
 * entered, and turned into the API's JSON body, which the registry checks (one place).
 */
record WebhookInput(String scope, String urls, String description, String secret,
    boolean privatePayload, List<String> events, String sources, String headers, String timeoutMs,
    String retrySchedule) {

  static WebhookInput empty(String scope) {
    return new WebhookInput(scope, "", "", "", false, List.of(), "", "", "", "");
  }

  static WebhookInput from(Context ctx) {
    return new WebhookInput(text(ctx, "scope").isEmpty() ? "global" : text(ctx, "scope"),
        text(ctx, "url"), text(ctx, "description"), text(ctx, "secret"),
        "on".equals(ctx.formParam("private")), ctx.formParams("events"), text(ctx, "sources"),
        text(ctx, "headers"), text(ctx, "timeout_ms"), text(ctx, "retry_schedule"));
  }

  static WebhookInput of(WebhookView w) {
    StringBuilder headers = new StringBuilder();
    w.headers().forEach((k, v) -> headers.append(k).append(": ").append(v).append('\n'));
    return new WebhookInput(w.scope(), w.url(), w.description() == null ? "" : w.description(), "",
        w.privatePayload(), w.events(), String.join(", ", w.sources()), headers.toString().trim(),
        Integer.toString(w.timeoutMs()), String.join(", ", w.retrySchedule()));
  }

  /** Several comma- or space-separated URLs make one webhook each. */
  List<String> urlList() {
    return Arrays.stream(urls.split("[,\\s]+")).filter(u -> !u.isBlank()).toList();
  }

  boolean checked(String type) {
    return events.contains(type);
  }

  /**
   * The API body for one URL. What cannot even be put into JSON (a header line without a
   * colon, a timeout that is not a number) is added to {@code errors} under the API's names.
   */
  ObjectNode body(ObjectMapper mapper, String url, boolean withSecret, List<FieldError> errors) {
    ObjectNode b = mapper.createObjectNode();
    b.put("scope", scope);
    b.put("url", url);
    if (!description.isBlank()) b.put("description", description.trim());
    if (withSecret && !secret.isBlank()) b.put("secret", secret.trim());
    b.put("private", privatePayload);
    ArrayNode ev = b.putArray("events");
    events.forEach(ev::add);
    ArrayNode src = b.putArray("sources");
    if (scope.equals("live_support")) split(sources).forEach(src::add);
    ObjectNode h = b.putObject("headers");
    headerLines(errors).forEach(h::put);
    if (!timeoutMs.isBlank()) {
      try {
        b.put("timeout_ms", Integer.parseInt(timeoutMs.trim()));
      } catch (NumberFormatException e) {
        errors.add(new FieldError("timeout_ms", "must be a whole number of milliseconds, like 15000"));
      }
    }
    if (!retrySchedule.isBlank()) {
      ArrayNode r = b.putArray("retry_schedule");
      split(retrySchedule).forEach(r::add);
    }
    return b;
  }

  private Map<String, String> headerLines(List<FieldError> errors) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : headers.split("\\R")) {
      if (line.isBlank()) continue;
      int colon = line.indexOf(':');
      if (colon <= 0) {
        errors.add(new FieldError("headers", "write one header per line as Name: value ('" + line.trim() + "')"));
      } else {
        out.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
      }
    }
    return out;
  }

  private static List<String> split(String s) {
    List<String> out = new ArrayList<>();
    for (String p : s.split("[,\\s]+")) {
      if (!p.isBlank()) out.add(p.trim());
    }
    return out;
  }

  private static String text(Context ctx, String name) {
    String v = ctx.formParam(name);
    return v == null ? "" : v.trim();
  }
}

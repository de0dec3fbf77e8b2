package dev.hookdesk.desk.web;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookdesk.core.DomainException;
import dev.hookdesk.http.JsonBody;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A desk form as the JSON body the API would get, so the API's readers ({@code TicketInput})
 * check it: a field left empty is a field not given. Errors come back keyed by field.
 */
final class FormBody {
  private final Context ctx;
  final ObjectNode json = JsonNodeFactory.instance.objectNode();

  FormBody(Context ctx) {
    this.ctx = ctx;
  }

  /** The form field, stripped; empty when missing. */
  String text(String field) {
    return Optional.ofNullable(ctx.formParam(field)).map(String::strip).orElse("");
  }

  /** Copies a non-empty form field into the JSON as {@code name}. */
  FormBody put(String name, String field) {
    String v = text(field);
    if (!v.isEmpty()) json.put(name, v);
    return this;
  }

  /** A comma-separated form field as a JSON list (empty when the field is). */
  FormBody putList(String name, String field) {
    var list = json.putArray(name);
    Arrays.stream(text(field).split(",")).map(String::strip).filter(t -> !t.isEmpty()).forEach(list::add);
    return this;
  }

  JsonBody body() {
    return new JsonBody(json);
  }

  /** What was typed, to show again beside the errors. */
  Map<String, String> values(String... fields) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String f : fields) out.put(f, Optional.ofNullable(ctx.formParam(f)).orElse(""));
    return out;
  }

  /** A refusal's messages by field ({@code errors}) or, with none, under {@code control}. */
  static Map<String, List<String>> errors(DomainException e, String control) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (e.errors().isEmpty()) {
      out.put(control, List.of(e.getMessage()));
    } else {
      e.errors().forEach(f -> out.computeIfAbsent(f.field(), k -> new java.util.ArrayList<>())
          .add(f.field() + " " + f.message()));
    }
    return out;
  }

  /** Every message under one control, whatever field it names. */
  static Map<String, List<String>> under(DomainException e, String control) {
    return Map.of(control, errors(e, control).values().stream().flatMap(List::stream).toList());
  }
}

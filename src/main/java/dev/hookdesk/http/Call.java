package dev.hookdesk.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookdesk.core.Actor;
import dev.hookdesk.core.DomainException.FieldError;
import dev.hookdesk.core.DomainException.Invalid;
import dev.hookdesk.core.Json;
import io.javalin.http.Context;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One API request as a route sees it: the caller, the body, parameters, the answer. */
public final class Call {
  private final Context ctx;
  private final Principal principal;
  private final ObjectMapper mapper;

  Call(Context ctx, Principal principal, ObjectMapper mapper) {
    this.ctx = ctx;
    this.principal = principal;
    this.mapper = mapper;
  }

  /** A call on a route registered outside the API (the widget): no principal, the API's body rules. */
  public static Call of(Context ctx, ObjectMapper mapper) {
    return new Call(ctx, null, mapper);
  }

  public Context ctx() {
    return ctx;
  }

  /** The caller; routes with {@link Access#PUBLIC} have none. */
  public Principal principal() {
    if (principal == null) throw new IllegalStateException("public route has no principal");
    return principal;
  }

  public String workspaceId() {
    return principal().workspaceId();
  }

  public Actor actor() {
    return principal().actor("api");
  }

  public String path(String name) {
    return ctx.pathParam(name);
  }

  public Optional<String> query(String name) {
    String v = ctx.queryParam(name);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
  }

  public Page page() {
    return Page.from(query("limit"), query("cursor"));
  }

  /**
   * The request body as a JSON object; an empty body reads as {@code {}}. Refused: bytes that are
   * not UTF-8, duplicate keys, deep nesting (400), and U+0000 anywhere in it (422, naming where).
   */
  public JsonBody body() {
    byte[] bytes = ctx.bodyAsBytes();
    if (bytes.length == 0) return new JsonBody(mapper.createObjectNode());
    String text;
    try {
      // Decoded here rather than by Jackson, which accepts overlong UTF-8 forms.
      text = RequestText.decode(bytes);
    } catch (CharacterCodingException e) {
      throw Invalid.unreadable("is not valid UTF-8");
    }
    JsonNode node;
    try {
      node = mapper.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
    } catch (StreamConstraintsException e) {
      throw Invalid.unreadable("is nested more than " + Json.MAX_REQUEST_DEPTH + " levels deep");
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw Invalid.unreadable("is not valid JSON: " + e.getOriginalMessage()
          + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()));
    }
    if (node == null || node.isMissingNode()) return new JsonBody(mapper.createObjectNode());
    if (!node.isObject()) throw Invalid.unreadable("must be a JSON object");
    List<FieldError> nul = new ArrayList<>();
    ControlCharacters.findNul(node, "", nul);
    if (!nul.isEmpty()) throw new Invalid(nul);
    return new JsonBody((ObjectNode) node);
  }

  public void ok(Object value) {
    ctx.status(200).json(value);
  }

  public void created(Object value) {
    ctx.status(201).json(value);
  }

  public void noContent() {
    ctx.status(204);
  }
}

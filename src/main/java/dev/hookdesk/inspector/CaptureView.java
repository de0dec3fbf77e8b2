package dev.hookdesk.inspector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookdesk.core.Json;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * A captured request as the inspector shows it: pretty body and the signature verdict.
 * In a bin's list the body is cut to {@code shown} characters ({@code more} then links to the
 * request's own page), so a page of 100 requests stays small.
 */
record CaptureView(String id, String method, String target, String receivedAt, String remoteAddr,
    List<Capture.Header> headers, String body, String bodyNote, boolean more,
    SignatureCheck.Verdict verdict) {

  /** Characters of each body a bin's list shows. */
  static final int LIST_BODY_CHARS = 8 * 1024;

  static CaptureView of(Capture c, List<byte[]> keys, ObjectMapper mapper, int shown) {
    var about = c.about();
    String target = about.path() + (about.query() == null || about.query().isEmpty() ? "" : "?" + about.query());
    Optional<String> text = Inspector.utf8(c.body());
    String body;
    String note;
    if (c.body().length == 0) {
      body = "";
      note = about.bodySize() == 0 ? "No body" : about.bodySize() + " bytes, none kept";
    } else if (text.isEmpty()) {
      body = Base64.getEncoder().encodeToString(c.body());
      note = "Binary body, " + about.bodySize() + " bytes, shown as base64";
    } else {
      Optional<String> pretty = about.truncated() ? Optional.empty() : prettyJson(text.get(), mapper);
      body = pretty.orElse(text.get());
      note = (pretty.isPresent() ? "JSON, " : "") + about.bodySize() + " bytes";
    }
    if (about.truncated()) {
      note += ", only the first " + Inspector.MAX_BODY_BYTES / 1024 + " KiB kept";
    }
    boolean more = body.length() > shown;
    return new CaptureView(about.id(), about.method(), target, Json.time(about.receivedAt()),
        about.remoteAddr() == null ? "" : about.remoteAddr(), about.headers(),
        more ? body.substring(0, shown) : body, note, more, SignatureCheck.check(c, keys));
  }

  private static Optional<String> prettyJson(String text, ObjectMapper mapper) {
    String t = text.trim();
    if (!(t.startsWith("{") || t.startsWith("["))) return Optional.empty();
    try {
      JsonNode node = mapper.readTree(t);
      return Optional.of(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(node));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}

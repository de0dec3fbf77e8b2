package dev.hookdesk.inspector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookdesk.core.Json;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** A captured request as the inspector shows it: pretty body and the signature verdict. */
record CaptureView(String id, String method, String target, String receivedAt, String remoteAddr,
    List<Capture.Header> headers, String body, String bodyNote, SignatureCheck.Verdict verdict) {

  static CaptureView of(Capture c, List<byte[]> keys, ObjectMapper mapper) {
    String target = c.path() + (c.query() == null || c.query().isEmpty() ? "" : "?" + c.query());
    Optional<String> text = Inspector.utf8(c.body());
    String body;
    String note;
    if (c.body().length == 0) {
      body = "";
      note = "No body";
    } else if (text.isEmpty()) {
      body = Base64.getEncoder().encodeToString(c.body());
      note = "Binary body, " + c.body().length + " bytes, shown as base64";
    } else {
      Optional<String> pretty = prettyJson(text.get(), mapper);
      body = pretty.orElse(text.get());
      note = (pretty.isPresent() ? "JSON, " : "") + c.body().length + " bytes";
    }
    return new CaptureView(c.id(), c.method(), target, Json.time(c.receivedAt()),
        c.remoteAddr() == null ? "" : c.remoteAddr(), c.headers(), body, note,
        SignatureCheck.check(c, keys));
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

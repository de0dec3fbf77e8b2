package dev.hookdesk.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookdesk.core.DomainException.FieldError;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Which control characters request text may hold. U+0000 nowhere: PostgreSQL text and jsonb
 * cannot store it, so it would fail (500) where H2 succeeds. In named string fields also no other
 * C0 control, except tab and line breaks, which free text needs; values stored as raw JSON (an
 * action's {@code data}) keep them, as they are the caller's own data.
 */
final class ControlCharacters {
  static final String NUL_MESSAGE = "must not contain the NUL character (U+0000)";
  static final String CONTROL_MESSAGE =
      "must not contain control characters (U+0000 to U+001F) other than tab and line breaks";

  private ControlCharacters() {}

  /** True when the text holds a C0 control other than tab, line feed and carriage return. */
  static boolean forbiddenIn(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return true;
    }
    return false;
  }

  /** Adds an error for every string and key under {@code node} that holds U+0000. */
  static void findNul(JsonNode node, String path, List<FieldError> errors) {
    if (node.isTextual()) {
      if (node.textValue().indexOf('\0') >= 0) errors.add(new FieldError(path, NUL_MESSAGE));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) findNul(node.get(i), path + "[" + i + "]", errors);
    } else if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getKey().indexOf('\0') >= 0) {
          errors.add(new FieldError(path.isEmpty() ? "body" : path, "has a key that " + NUL_MESSAGE));
        } else {
          findNul(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), errors);
        }
      }
    }
  }
}

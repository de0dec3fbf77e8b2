package dev.hookdesk.http;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The text a request carries is well-formed UTF-8 without U+0000. Lenient decoders replace
 * malformed bytes, and Jackson even decodes overlong forms ({@code C0 AF} reads as "/"), so a
 * filter in front of us could see other text than we store; PostgreSQL cannot store U+0000.
 * Both are refused here rather than passed on.
 */
final class RequestText {
  private static final String FORM = "application/x-www-form-urlencoded";
  private static final String PROBLEM =
      "is not valid UTF-8 or percent-encoding, or contains the NUL character (%00)";

  private RequestText() {}

  /** Strictly decodes UTF-8: malformed, overlong, surrogate or truncated sequences are errors. */
  static String decode(byte[] bytes) throws CharacterCodingException {
    return StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes)).toString();
  }

  /** Refuses a query string whose parameters do not decode to clean text (Jetty checks the path). */
  static void checkQuery(Context ctx) {
    String query = ctx.queryString();
    if (query == null) return;
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      Optional<String> decodedName = clean(name);
      if (decodedName.isEmpty()) throw bad("A query parameter's name " + PROBLEM);
      if (eq >= 0 && clean(pair.substring(eq + 1)).isEmpty()) {
        throw bad("The query parameter '" + decodedName.get() + "' " + PROBLEM);
      }
    }
  }

  /** Refuses an HTML form body that is not clean text, raw or once percent-decoded. */
  static void checkForm(Context ctx) {
    String type = ctx.contentType();
    if (type == null || !type.regionMatches(true, 0, FORM, 0, FORM.length())) return;
    String body;
    try {
      body = decode(ctx.bodyAsBytes());
    } catch (CharacterCodingException e) {
      throw bad("The request body is not valid UTF-8");
    }
    for (String pair : body.split("&")) {
      for (String part : pair.split("=", 2)) {
        if (clean(part).isEmpty()) throw bad("The request body " + PROBLEM);
      }
    }
  }

  /** Percent-decodes ({@code +} is a space) and strictly decodes; empty when that fails or finds NUL. */
  private static Optional<String> clean(String encoded) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
    for (int i = 0; i < encoded.length(); i++) {
      int c = encoded.codePointAt(i);
      if (c == '%') {
        if (i + 2 >= encoded.length()) return Optional.empty();
        int hi = Character.digit(encoded.charAt(i + 1), 16);
        int lo = Character.digit(encoded.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) return Optional.empty();
        bytes.write(hi * 16 + lo);
        i += 2;
      } else if (c == '+') {
        bytes.write(' ');
      } else {
        bytes.writeBytes(Character.toString(c).getBytes(StandardCharsets.UTF_8));
        i += Character.charCount(c) - 1;
      }
    }
    try {
      String text = decode(bytes.toByteArray());
      return text.indexOf('\0') >= 0 ? Optional.empty() : Optional.of(text);
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  private static HttpResponseException bad(String detail) {
    return new HttpResponseException(400, detail, Map.of());
  }
}

package dev.hookdesk.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookdesk.core.Json;
import dev.hookdesk.webhooks.send.AttemptResult;
import dev.hookdesk.webhooks.send.OutboundRequest;
import dev.hookdesk.webhooks.send.ReceiverText;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * How an attempt is bound for {@code delivery_attempts} ({@link DeliveryRecords} writes it).
 * What the receiver controls is stored as {@link ReceiverText}, so any row fits any database;
 * the webhook's custom header values are masked (they are credentials), Hookdesk's own headers
 * are kept as sent so a signature can still be checked from the log.
 */
final class AttemptRows {
  static final String MASK = "••••";
  /** Written in place of an attempt's content when the database refused it. */
  static final String REFUSED = "not recorded: the database refused what this attempt carried";
  static final int MAX_ERROR = 500;
  /** The headers Hookdesk sets on every request (SignedRequest); any other is a custom header. */
  private static final Set<String> OWN = Set.of("webhook-id", "webhook-timestamp",
      "webhook-signature", "content-type", "user-agent", "hookdesk-event-type",
      "hookdesk-delivery-id", "hookdesk-attempt");

  private AttemptRows() {}

  /**
   * Binds one attempt. {@code refused}: the database refused this attempt before; its content
   * is replaced by {@link #REFUSED} so the row, and the outcome with it, can still be written.
   */
  static <S extends SqlStatement<S>> S bind(S s, ObjectMapper mapper, String id, String deliveryId,
      int number, OutboundRequest request, AttemptResult r, Instant started, String error,
      boolean refused) {
    return s.bind("id", id).bind("delivery", deliveryId).bind("n", number)
        .bind("url", request.url()).bind("started", started).bind("duration", r.durationMillis())
        .bind("outcome", AttemptOutcome.of(r))
        .bind("reqHeaders", refused ? "{}" : Json.write(mapper, masked(request.headers())))
        .bind("reqBody", refused ? null : new String(request.body(), StandardCharsets.UTF_8))
        .bind("status", r.status() > 0 ? r.status() : null)
        .bind("resHeaders", refused ? "{}" : Json.write(mapper, shown(r.responseHeaders())))
        .bind("resBody", refused ? REFUSED : r.responseBody())
        .bind("error", refused ? REFUSED : error(error));
  }

  /** An error or a note for a text column: it may quote the receiver, so as {@link ReceiverText}. */
  static String error(String s) {
    String t = ReceiverText.of(s);
    return t == null || t.length() <= MAX_ERROR ? t : t.substring(0, MAX_ERROR);
  }

  /** What went wrong with an attempt, or null when it succeeded. */
  static String errorOf(AttemptResult r) {
    if (r.error() != null) return r.error();
    if (r.success()) return null;
    if (r.status() >= 300 && r.status() < 400) return "redirect (" + r.status() + ") not followed";
    return "HTTP " + r.status();
  }

  static Map<String, String> masked(Map<String, String> sent) {
    Map<String, String> out = new LinkedHashMap<>();
    sent.forEach((k, v) -> out.put(k, OWN.contains(k) ? v : MASK));
    return out;
  }

  private static Map<String, String> shown(Map<String, String> received) {
    Map<String, String> out = new LinkedHashMap<>();
    if (received != null) received.forEach((k, v) -> out.put(ReceiverText.of(k), ReceiverText.of(v)));
    return out;
  }
}

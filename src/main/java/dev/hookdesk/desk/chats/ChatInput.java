package dev.hookdesk.desk.chats;

import dev.hookdesk.http.JsonBody;
import java.time.Instant;
import java.util.Optional;

/** Request bodies the API and the widget read the same way: rating, callback, transcript. */
public final class ChatInput {
  /** SPEC §10: a message is at most this many characters. */
  public static final int MAX_TEXT = 10_000;

  public record Rating(int score, String comment) {}

  public record Callback(String type, String phone, String note, Instant preferredTime) {}

  private ChatInput() {}

  public static Rating rating(JsonBody b) {
    b.allow("score", "comment");
    Optional<Integer> score = b.optInt("score", 1, 5);
    if (score.isEmpty() && !b.hasError("score")) b.error("score", "is required (1 to 5)");
    Optional<String> comment = b.optString("comment", 2000);
    b.done();
    return new Rating(score.orElseThrow(), comment.orElse(null));
  }

  public static Callback callback(JsonBody b) {
    b.allow("type", "phone", "note", "preferred_time");
    String type = b.oneOf("type", ChatRoutes.CALLBACK_TYPES);
    Optional<String> phone = b.optString("phone", 64);
    phone.ifPresent(p -> {
      if (!p.matches("\\+?[0-9 ()./-]{3,64}")) b.error("phone", "'" + p + "' is not a phone number");
    });
    Optional<String> note = b.optString("note", 2000);
    var preferred = b.optTime("preferred_time");
    b.done();
    return new Callback(type, phone.orElse(null), note.orElse(null), preferred.orElse(null));
  }

  public static String transcriptEmail(JsonBody b) {
    b.allow("email");
    String email = b.string("email", 320);
    if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      b.error("email", "'" + email + "' is not an email address");
    }
    b.done();
    return email;
  }
}

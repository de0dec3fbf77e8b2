package dev.hookdesk.webhooks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code retry_schedule} notation: delays such as {@code "5s"}, {@code "5m"}, {@code "2h"}. */
final class RetrySchedule {
  static final int MAX_ENTRIES = 20;
  static final Duration MIN = Duration.ofSeconds(1);
  static final Duration MAX = Duration.ofHours(24);
  private static final Pattern DELAY = Pattern.compile("([0-9]{1,6})([smh])");

  private RetrySchedule() {}

  /** A delay, or empty when the text is not {@code <n>s|m|h} between 1s and 24h. */
  static Optional<Duration> parse(String text) {
    Matcher m = DELAY.matcher(text.trim());
    if (!m.matches()) return Optional.empty();
    long n = Long.parseLong(m.group(1));
    Duration d = switch (m.group(2)) {
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      default -> Duration.ofHours(n);
    };
    if (d.compareTo(MIN) < 0 || d.compareTo(MAX) > 0) return Optional.empty();
    return Optional.of(d);
  }

  static String format(Duration d) {
    long s = d.toSeconds();
    if (s % 3600 == 0) return s / 3600 + "h";
    if (s % 60 == 0) return s / 60 + "m";
    return s + "s";
  }

  static List<String> format(List<Duration> schedule) {
    List<String> out = new ArrayList<>();
    for (Duration d : schedule) out.add(format(d));
    return out;
  }
}

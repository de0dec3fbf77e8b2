package dev.hookdesk.console;

import dev.hookdesk.delivery.DeliveryStats.Hour;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The last hours of a webhook drawn as SVG on the server: stacked bars of deliveries that
 * succeeded and failed (left axis), lines of attempt latency p50 and p95 (right axis, ms).
 * Only numbers and fixed words go into the markup, so it needs no escaping.
 */
final class DeliveryChart {
  static final int WIDTH = 760;
  static final int HEIGHT = 240;
  private static final int LEFT = 44;
  private static final int RIGHT = 56;
  private static final int TOP = 28;
  private static final int BOTTOM = 34;
  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

  private DeliveryChart() {}

  static String svg(List<Hour> hours) {
    int n = hours.size();
    int maxCount = 1;
    long maxMs = 1;
    int ok = 0;
    int failed = 0;
    for (Hour h : hours) {
      maxCount = Math.max(maxCount, h.ok() + h.failed());
      if (h.p95Ms() != null) maxMs = Math.max(maxMs, h.p95Ms());
      ok += h.ok();
      failed += h.failed();
    }
    // Four grid steps with whole-number labels.
    maxCount = (maxCount + 3) / 4 * 4;
    maxMs = (maxMs + 3) / 4 * 4;
    double plotW = WIDTH - LEFT - RIGHT;
    double plotH = HEIGHT - TOP - BOTTOM;
    double slot = plotW / Math.max(1, n);
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"delivery-chart\""
        + " viewBox=\"0 0 %d %d\" role=\"img\" aria-labelledby=\"chart-title\" class=\"chart\">", WIDTH, HEIGHT));
    s.append(String.format(Locale.ROOT, "<title id=\"chart-title\">Last %d hours: %d deliveries succeeded,"
        + " %d failed</title>", n, ok, failed));
    for (int i = 0; i <= 4; i++) {
      double y = TOP + plotH - plotH * i / 4;
      s.append(line(LEFT, y, WIDTH - RIGHT, y, "#e3e7ee", 1));
      s.append(text(LEFT - 6, y + 4, "end", Integer.toString(maxCount * i / 4), "#5b6474"));
      s.append(text(WIDTH - RIGHT + 6, y + 4, "start", ms(maxMs * i / 4), "#5b6474"));
    }
    StringBuilder p50 = new StringBuilder();
    StringBuilder p95 = new StringBuilder();
    for (int i = 0; i < n; i++) {
      Hour h = hours.get(i);
      double x = LEFT + i * slot + slot * 0.15;
      double w = slot * 0.7;
      double okH = plotH * h.ok() / maxCount;
      double badH = plotH * h.failed() / maxCount;
      double base = TOP + plotH;
      if (h.ok() > 0) s.append(rect(x, base - okH, w, okH, "#2f9e55", h.ok() + " succeeded"));
      if (h.failed() > 0) s.append(rect(x, base - okH - badH, w, badH, "#d1453b", h.failed() + " failed"));
      double cx = LEFT + i * slot + slot / 2;
      if (h.p50Ms() != null) point(s, p50, cx, TOP + plotH - plotH * h.p50Ms() / maxMs, "#2350c8", "p50 " + ms(h.p50Ms()));
      if (h.p95Ms() != null) point(s, p95, cx, TOP + plotH - plotH * h.p95Ms() / maxMs, "#8a5a00", "p95 " + ms(h.p95Ms()));
      if (i % 3 == 0) s.append(text(cx, HEIGHT - BOTTOM + 16, "middle", HOUR.format(h.start()), "#5b6474"));
    }
    s.append(polyline(p50, "#2350c8", "")).append(polyline(p95, "#8a5a00", " stroke-dasharray=\"5 3\""));
    s.append(legend());
    return s.append("</svg>").toString();
  }

  private static String legend() {
    return rect(LEFT, 8, 10, 10, "#2f9e55", null) + text(LEFT + 14, 17, "start", "succeeded", "#1d2330")
        + rect(LEFT + 90, 8, 10, 10, "#d1453b", null) + text(LEFT + 104, 17, "start", "failed", "#1d2330")
        + line(LEFT + 160, 13, LEFT + 180, 13, "#2350c8", 2) + text(LEFT + 184, 17, "start", "latency p50", "#1d2330")
        + "<line x1=\"" + (LEFT + 270) + "\" y1=\"13\" x2=\"" + (LEFT + 290) + "\" y2=\"13\" stroke=\"#8a5a00\""
        + " stroke-width=\"2\" stroke-dasharray=\"5 3\"/>"
        + text(LEFT + 294, 17, "start", "latency p95 (right axis)", "#1d2330");
  }

  /** A latency point: on its line, and as a dot so a lone hour shows too. */
  private static void point(StringBuilder svg, StringBuilder points, double x, double y, String color,
      String title) {
    points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
    svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"><title>%s</title></circle>",
        x, y, color, title));
  }

  private static String polyline(StringBuilder points, String color, String extra) {
    if (points.isEmpty()) return "";
    return "<polyline fill=\"none\" stroke=\"" + color + "\" stroke-width=\"2\"" + extra
        + " points=\"" + points.toString().trim() + "\"/>";
  }

  private static String rect(double x, double y, double w, double h, String color, String title) {
    return String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">%s</rect>",
        x, y, w, h, color, title == null ? "" : "<title>" + title + "</title>");
  }

  private static String line(double x1, double y1, double x2, double y2, String color, int width) {
    return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\""
        + " stroke-width=\"%d\"/>", x1, y1, x2, y2, color, width);
  }

  private static String text(double x, double y, String anchor, String t, String color) {
    return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"11\""
        + " fill=\"%s\">%s</text>", x, y, anchor, color, t);
  }

  private static String ms(long v) {
    return v >= 1000 ? String.format(Locale.ROOT, "%.1f s", v / 1000.0) : v + " ms";
  }
}

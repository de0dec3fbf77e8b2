package dev.hookdesk.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One direction of the chats' talk (visitor → agent, or agent → visitor): messages posted at a
 * fixed total rate, open loop (each leaves on schedule whether or not the earlier ones were
 * answered), round robin over the chats; and their arrival at the other side's streams. A
 * message's text is {@code "bench-<word> <n> <System.nanoTime() when posted>"}.
 */
final class Direction {
  final String name;
  private final String word;
  private final Pattern text;
  final Histogram answered = new Histogram();
  final Histogram postToStream = new Histogram();
  final Histogram commitToStream = new Histogram();
  private final LongAdder posted = new LongAdder();
  private final LongAdder refused = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private long dropped;
  private final AtomicReference<String> firstFailure = new AtomicReference<>();
  private int offered;
  private int seconds;
  private double cpu;

  /** {@code word}: "visitor" or "agent", who writes. */
  Direction(String name, String word) {
    this.name = name;
    this.word = word;
    this.text = Pattern.compile("bench-" + word + " (\\d+) (\\d+)");
  }

  /**
   * Posts at {@code perSecond} for {@code seconds}: {@code send} gets the chat's index and the
   * text, and returns the answer.
   */
  void run(int perSecond, int seconds, List<Talker> talkers, BiFunction<Integer, String, Http1.Message> send)
      throws InterruptedException {
    this.offered = perSecond;
    this.seconds = seconds;
    if (perSecond <= 0) return;
    OpenLoop.Result loop = OpenLoop.run(perSecond, seconds, i -> {
      int chat = (int) (i % talkers.size());
      post(talkers.get(chat), chat, send);
    });
    dropped = loop.dropped();
    cpu = loop.cpu();
  }

  private void post(Talker t, int chat, BiFunction<Integer, String, Http1.Message> send) {
    t.posting.lock();
    try {
      int n = t.next();
      long sent = System.nanoTime();
      Http1.Message answer = send.apply(chat, "bench-" + word + " " + n + " " + sent);
      answered.record((System.nanoTime() - sent) / 1000);
      int status = Integer.parseInt(answer.startLine().split(" ")[1]);
      if (status == 201) {
        t.created(n);
        posted.increment();
      } else if (status == 429 || status == 503) {
        refused.increment();
      } else {
        failed.increment();
        firstFailure.compareAndSet(null, answer.startLine() + " " + new String(answer.body(), StandardCharsets.UTF_8));
      }
    } catch (RuntimeException e) {
      failed.increment();
      firstFailure.compareAndSet(null, e.toString());
    } finally {
      t.posting.unlock();
    }
  }

  /**
   * A message event's data as a stream carried it: if it is one of this direction's, its
   * latencies go to the histograms and its number to {@code from}'s arrivals. {@code createdAt}
   * finds the message's {@code created_at} (set in its transaction) in the data.
   */
  void arrived(String data, Pattern createdAt, Talker from) {
    long nanos = System.nanoTime();
    Instant now = Instant.now();
    Matcher m = text.matcher(data);
    if (!m.find()) return;
    postToStream.record((nanos - Long.parseLong(m.group(2))) / 1000);
    Matcher created = createdAt.matcher(data);
    if (created.find()) commitToStream.record(micros(now) - micros(Instant.parse(created.group(1))));
    from.heard.arrived(Integer.parseInt(m.group(1)));
  }

  private static long micros(Instant t) {
    return t.getEpochSecond() * 1_000_000L + t.getNano() / 1000;
  }

  long posted() {
    return posted.sum();
  }

  /** Messages the other side has seen (each once). */
  static long heard(List<Talker> talkers) {
    return talkers.stream().mapToLong(t -> t.heard.received()).sum();
  }

  String talkLine() {
    return String.format("  %s, offered %d/s for %d s: posted %d (%.0f/s), refused (429/503) %d, failed %d%s,"
        + " dropped %d; the POST answered in %s; process CPU while posting %.0f %%", name, offered, seconds,
        posted.sum(), posted.sum() / (double) seconds, refused.sum(), failed.sum(),
        firstFailure.get() == null ? "" : " (first: " + firstFailure.get() + ")", dropped,
        answered.summary(), cpu * 100);
  }

  /**
   * What the other side got against what was posted with 201, per {@code group} ("agent":
   * the chats of one agent; "visitor": one chat each), added up.
   */
  String check(List<Talker> talkers, String group, boolean byAgent) {
    Map<String, long[]> per = new LinkedHashMap<>();
    int i = 0;
    for (Talker t : talkers) {
      long[] c = per.computeIfAbsent(byAgent ? t.agentId : Integer.toString(i++), k -> new long[4]);
      c[0] += t.lost();
      c[1] += t.heard.duplicated();
      c[2] += t.heard.outOfOrder();
      c[3] += t.seenUnconfirmed();
    }
    long[] sum = new long[4];
    int affected = 0;
    for (long[] c : per.values()) {
      for (int k = 0; k < 4; k++) sum[k] += c[k];
      if (c[0] != 0 || c[1] != 0 || c[2] != 0) affected++;
    }
    return String.format("  %s, per %s: lost (201, never seen) %d, doubled %d, out of order %d (%ss affected %d"
        + " of %d); seen although the POST failed on the way back %d", name, group, sum[0], sum[1], sum[2], group,
        affected, per.size(), sum[3]);
  }
}

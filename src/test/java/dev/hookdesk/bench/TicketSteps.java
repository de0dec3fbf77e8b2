package dev.hookdesk.bench;

import dev.hookdesk.testing.Api;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The desk as an integrator loads it (issue 13): requests at a fixed offered rate, open loop
 * (a request leaves on schedule whether or not the earlier ones were answered), half
 * {@code POST /tickets} and half an agent's first reply to an earlier ticket (which also
 * flips it to answered), every event fanned out to the webhooks. Steps go past saturation;
 * each reports what the API took, what it refused, deliveries per second and event commit →
 * receipt for the deliveries that arrived during the step.
 */
final class TicketSteps {
  /** Requests in flight the generator allows itself; past that a request is counted as dropped. */
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"(tkt_[^\"]+)\"");

  private final BenchNode node;
  private final BenchReceiver receiver;
  private final String agentId;
  private final ConcurrentLinkedQueue<String> unanswered = new ConcurrentLinkedQueue<>();

  TicketSteps(BenchNode node, BenchReceiver receiver) {
    this.node = node;
    this.receiver = receiver;
    this.agentId = node.api.post("/agents", Api.json(Map.of("name", "Bench Agent",
        "email", "agent@bench.example"))).expect(201).str("/id");
  }

  record Step(int offered, int seconds, long created, long replied, long refused, long failed,
      long dropped, long deliveries, Histogram latency, double cpu) {
    String line() {
      double took = (created + replied) / (double) seconds;
      return String.format("  offered %5d/s: API took %6.0f/s (tickets %.0f/s, replies %.0f/s), refused %.0f/s,"
              + " failed %d, dropped %d; delivered %6.0f/s; commit -> receipt %s; process CPU %.0f %%",
          offered, took, created / (double) seconds, replied / (double) seconds, refused / (double) seconds,
          failed, dropped, deliveries / (double) seconds, latency.summary(), cpu * 100);
    }

    double accepted() {
      return (created + replied) / (double) seconds;
    }
  }

  /** Offers {@code perSecond} requests a second for {@code seconds}; returns what happened. */
  Step run(int perSecond, int seconds) throws InterruptedException {
    LongAdder created = new LongAdder();
    LongAdder replied = new LongAdder();
    LongAdder refused = new LongAdder();
    LongAdder failed = new LongAdder();
    receiver.reset(true);
    OpenLoop.Result loop = OpenLoop.run(perSecond, seconds, n -> {
      try {
        String ticket = n % 2 == 1 ? unanswered.poll() : null;
        int status = ticket == null ? create(n) : reply(ticket);
        if (status == 201) (ticket == null ? created : replied).increment();
        else if (status == 429 || status == 503) refused.increment();
        else failed.increment();
      } catch (RuntimeException e) {
        failed.increment();
      }
    });
    // what was accepted during the step counts, even when its answer came after it
    long delivered = receiver.ok.sum();
    return new Step(perSecond, seconds, created.sum(), replied.sum(), refused.sum(), failed.sum(),
        loop.dropped(), delivered, receiver.healthy(), loop.cpu());
  }

  private int create(long n) {
    Http1.Message answer = node.load().exchange("/api/v1/tickets", "{\"subject\":\"Bench ticket " + n
        + "\",\"body\":\"The printer is on fire\",\"requester\":{\"name\":\"Requester " + n
        + "\",\"email\":\"r" + n + "@bench.example\"}}");
    int status = status(answer);
    if (status == 201) {
      Matcher m = ID.matcher(new String(answer.body(), StandardCharsets.UTF_8));
      if (m.find()) unanswered.add(m.group(1));
    }
    return status;
  }

  private int reply(String ticket) {
    return status(node.load().exchange("/api/v1/tickets/" + ticket + "/replies",
        "{\"author_type\":\"agent\",\"author_id\":\"" + agentId + "\",\"body\":\"On my way.\"}"));
  }

  private static int status(Http1.Message answer) {
    return Integer.parseInt(answer.startLine().split(" ")[1]);
  }

  /** Event types the scenario's webhooks subscribe to. */
  static List<String> events() {
    return List.of("ticket.*");
  }
}

package dev.hookdesk.bench;

import java.lang.management.ManagementFactory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * {@code ./hookdesk bench [--db h2|postgresql] [--events N] [--seconds S] [--backlog N]
 * [--scenarios desk,sustained,latency,isolation,backlog,tickets,chats,deskload] [--visitors N] [--rate R]
 * [--agent-rate R] [--nodes 1|2]
 * [--tickets N] [--contacts N] [--clients N] [--change-rate R]}: see
 * bench/README.md and the README, section "Benchmark".
 * Every scenario gets a fresh node and database; events are fired through the HTTP API.
 */
public final class Bench {
  private static final int WEBHOOKS = 10;
  private static final int ENGINE_IN_FLIGHT = 2048;

  private String db = "h2";
  private String pgUrl = "jdbc:postgresql://127.0.0.1:5432/test";
  private int events = 5000;
  private int seconds = 10;
  private int backlog = 100_000;
  private boolean seed;
  private int[] rates = {100, 200, 300, 450, 600, 900};
  private int stepSeconds = 15;
  private int visitors = 1000;
  private int rate = 200;
  private int agentRate = 200;
  private int nodes = 1;
  private int seedTickets = 100_000;
  private int seedContacts = 50_000;
  private int liveClients = 200;
  private int changeRate = 10;
  private Set<String> scenarios = Set.of("sustained", "latency", "isolation", "backlog");

  public static void main(String[] args) throws Exception {
    Bench b = new Bench();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--db" -> b.db = args[++i];
        case "--pg-url" -> b.pgUrl = args[++i];
        case "--events" -> b.events = Integer.parseInt(args[++i]);
        case "--seconds" -> b.seconds = Integer.parseInt(args[++i]);
        case "--backlog" -> b.backlog = Integer.parseInt(args[++i]);
        case "--seed-backlog" -> b.seed = true;
        case "--scenarios" -> b.scenarios = Set.of(args[++i].split(","));
        case "--rates" -> b.rates = java.util.Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
        case "--step-seconds" -> b.stepSeconds = Integer.parseInt(args[++i]);
        case "--visitors" -> b.visitors = Integer.parseInt(args[++i]);
        case "--rate" -> b.rate = Integer.parseInt(args[++i]);
        case "--agent-rate" -> b.agentRate = Integer.parseInt(args[++i]);
        case "--nodes" -> b.nodes = Integer.parseInt(args[++i]);
        case "--tickets" -> b.seedTickets = Integer.parseInt(args[++i]);
        case "--contacts" -> b.seedContacts = Integer.parseInt(args[++i]);
        case "--clients" -> b.liveClients = Integer.parseInt(args[++i]);
        case "--change-rate" -> b.changeRate = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]
            + "; use --db h2|postgresql --events N --seconds S --backlog N [--seed-backlog] --scenarios a,b"
            + " --rates r1,r2 --step-seconds S --visitors N --rate R --agent-rate R --nodes N --tickets N --contacts N --clients N"
            + " --change-rate R");
      }
    }
    if (!b.db.equals("h2") && !b.db.equals("postgresql")) throw new IllegalArgumentException("--db h2|postgresql");
    System.out.printf("hookdesk bench: db=%s, %d webhooks, %d cores, max heap %d MB%n", b.db, WEBHOOKS,
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
    try (BenchReceiver receiver = new BenchReceiver(20_000)) {
      if (b.scenarios.contains("desk")) b.desk();
      if (b.scenarios.contains("tickets")) b.tickets(receiver);
      if (b.scenarios.contains("chats")) b.chats();
      if (b.scenarios.contains("deskload")) b.deskload();
      if (b.scenarios.contains("sustained")) b.sustained(receiver);
      if (b.scenarios.contains("latency")) b.latency(receiver);
      if (b.scenarios.contains("isolation")) b.isolation(receiver);
      if (b.scenarios.contains("backlog")) b.backlog(receiver);
    }
    System.exit(0);
  }

  private List<String> urls(BenchReceiver receiver) {
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < WEBHOOKS; i++) urls.add(receiver.url(i));
    return urls;
  }

  private void sustained(BenchReceiver receiver) throws Exception {
    long total = (long) events * WEBHOOKS;
    int warmUp = Math.min(events, 2000);
    System.out.printf("%n== sustained: %d events x %d webhooks = %d deliveries, fired as fast as the desk takes them"
        + " (after %d events to warm up)%n", events, WEBHOOKS, total, warmUp);
    try (BenchNode node = new BenchNode(db, pgUrl)) {
      node.register(urls(receiver), 10_000);
      // the JIT compiles the hot paths during the first seconds; measure the steady state
      receiver.reset(false);
      long warmStart = System.currentTimeMillis();
      node.fire(warmUp, 32);
      await("warm-up deliveries", receiver.ok::sum, (long) warmUp * WEBHOOKS, 600);
      System.out.printf("  warm-up: %d deliveries at %.0f/s%n", warmUp * WEBHOOKS,
          warmUp * WEBHOOKS * 1000.0 / (receiver.lastOkMillis.get() - warmStart));
      receiver.reset(true);
      long start = System.currentTimeMillis();
      node.fire(events, 32);
      long fired = System.currentTimeMillis();
      await("deliveries", receiver.ok::sum, total, 600);
      double secs = (receiver.lastOkMillis.get() - start) / 1000.0;
      double rate = total / secs;
      System.out.printf("  desk: %d events in %.1f s (%.0f events/s)%n", events, (fired - start) / 1000.0,
          events * 1000.0 / (fired - start));
      System.out.printf("  engine: %d deliveries in %.1f s = %.0f deliveries/s; latency %s%n", total, secs,
          rate, receiver.healthy().summary());
      receiver.reset(false);
      double ceiling = Ceiling.run(receiver, receiver.samples(), (int) Math.min(total, 200_000), ENGINE_IN_FLIGHT);
      System.out.printf("  ceiling (JettyWebhookSender, same signed bodies, same receiver, no database):"
          + " %.0f requests/s; engine/ceiling = %.0f %%%n", ceiling, 100 * rate / ceiling);
    }
  }

  /** The desk alone: the same events with no webhook registered, so the engine has nothing to send. */
  private void desk() throws Exception {
    System.out.printf("%n== desk: %d events with no webhooks, fired as fast as the desk takes them%n", events);
    try (BenchNode node = new BenchNode(db, pgUrl)) {
      node.fire(Math.min(events, 2000), 32);
      long start = System.currentTimeMillis();
      node.fire(events, 32);
      long took = System.currentTimeMillis() - start;
      System.out.printf("  desk: %d events in %.1f s (%.0f events/s)%n", events, took / 1000.0,
          events * 1000.0 / took);
    }
  }

  /** Issue 13: tickets and replies through the API at fixed offered rates, stepping past saturation. */
  private void tickets(BenchReceiver receiver) throws Exception {
    System.out.printf("%n== tickets: POST /tickets and agent replies at fixed offered rates, %d s a step,"
        + " every event to %d webhooks (ticket.*)%n", stepSeconds, WEBHOOKS);
    try (BenchNode node = new BenchNode(db, pgUrl)) {
      node.register(urls(receiver), 10_000, TicketSteps.events());
      TicketSteps steps = new TicketSteps(node, receiver);
      System.out.println("  warm-up (not counted):");
      System.out.println(steps.run(rates[0], Math.min(stepSeconds, 10)).line());
      await("warm-up deliveries to finish", node::openDeliveries, 0, 600, true);
      double peak = 0;
      TicketSteps.Step last = null;
      for (int rate : rates) {
        last = steps.run(rate, stepSeconds);
        System.out.println(last.line());
        peak = Math.max(peak, last.accepted());
        // each step starts on an empty queue, so its latency is its own
        await("deliveries of the step", node::openDeliveries, 0, 600, true);
      }
      System.out.printf("  peak accepted %.0f requests/s; at the highest offered rate %.0f/s (%.0f %% of the peak)%n",
          peak, last.accepted(), 100 * last.accepted() / peak);
    }
  }

  /**
   * Issue 15: visitors with their chats' live streams open, agents with a console tab per chat;
   * both sides talk at once at fixed rates.
   */
  private void chats() throws Exception {
    if (nodes < 1 || nodes > 2) throw new IllegalArgumentException("--nodes 1|2");
    System.out.printf("%n== chats: %d visitors, each with a chat taken by an agent and its live stream (SSE) open;"
        + " agents signed in with a console tab (and its stream) per chat; %s; visitors' messages through"
        + " /widget/v1 at %d/s and agents' through /api/v1 at %d/s in total, at once, for %d s%n", visitors,
        nodes == 1 ? "one node" : "visitors on node A, agents' consoles and messages on node B, one PostgreSQL schema",
        rate, agentRate, seconds);
    try (BenchNode a = new BenchNode(db, pgUrl); BenchNode b = nodes == 1 ? null : a.peer();
         VisitorLoad load = new VisitorLoad(a, b == null ? a : b, visitors)) {
      long idle = liveHeap();
      System.out.println(load.openVisitors(visitors).line("visitors' streams") + String.format(
          " (%d agents online, max_chats %d)", load.agents, load.maxChats));
      System.out.println(load.openConsoles().line("console streams, one per chat"));
      long open = liveHeap();
      System.out.printf("  heap after a full collection: %d MB before the visitors, %d MB with every stream open"
          + " (%s and load generator share the JVM), of %d MB%n", idle >> 20, open >> 20,
          nodes == 1 ? "node" : "both nodes", Runtime.getRuntime().maxMemory() >> 20);
      load.talk(rate, agentRate, seconds);
      List<Direction> talked = new ArrayList<>();
      if (rate > 0) talked.add(load.visitorToAgent);
      if (agentRate > 0) talked.add(load.agentToVisitor);
      for (Direction d : talked) System.out.println(d.talkLine());
      awaitQuietly("visitors' messages at the consoles", () -> Direction.heard(load.visitorSides()),
          load.visitorToAgent.posted());
      awaitQuietly("agents' messages at the visitors' streams", () -> Direction.heard(load.agentSides()),
          load.agentToVisitor.posted());
      for (Direction d : talked) {
        System.out.printf("  %s: message commit (created_at) -> stream %s; POST sent -> stream %s%n", d.name,
            d.commitToStream.summary(), d.postToStream.summary());
      }
      if (rate > 0) System.out.println(load.visitorToAgent.check(load.visitorSides(), "agent", true));
      if (agentRate > 0) System.out.println(load.agentToVisitor.check(load.agentSides(), "visitor", false));
      System.out.println(load.ended());
      System.out.printf("  heap after a full collection at the end: %d MB%n", liveHeap() >> 20);
    }
  }

  private static void awaitQuietly(String what, LongSupplier count, long target) throws InterruptedException {
    try {
      await(what, count, target, 60);
    } catch (IllegalStateException e) {
      System.out.println("  " + e.getMessage());
    }
  }

  /** Issue 14: the desk's pages, search and live streams over a year's worth of tickets. */
  private void deskload() throws Exception {
    System.out.printf("%n== deskload: %d tickets and %d contacts; pages and search one request at a time with an"
        + " agent's session cookie; then %d /desk/live streams while replies go through the API at %d/s for %d s%n",
        seedTickets, seedContacts, liveClients, changeRate, seconds);
    try (BenchNode node = new BenchNode(db, pgUrl); DeskLoad desk = new DeskLoad(node)) {
      long start = System.currentTimeMillis();
      desk.seed(seedTickets, seedContacts);
      System.out.printf("  seeded in %.1f s%n", (System.currentTimeMillis() - start) / 1000.0);
      desk.signIn();
      String[] views = {"/desk", "/desk/views/open", "/desk/views/unassigned", "/desk/views/closed",
          "/desk/queues/" + desk.queueIds.get(0)};
      int[] i = {0};
      try (LoadClient browser = desk.browser()) {
        System.out.printf("  inbox first page (%s): %s%n", String.join(", ", views).replace("/desk/queues/"
            + desk.queueIds.get(0), "a queue"), DeskLoad.time(browser, () -> views[i[0]++ % views.length], 50, 500).summary());
        System.out.printf("  ticket page /desk/tickets/{id}: %s%n",
            DeskLoad.time(browser, () -> "/desk/tickets/" + desk.pick(desk.sampleTickets), 50, 500).summary());
        Histogram all = new Histogram();
        Map<String, Supplier<String>> kinds = new LinkedHashMap<>();
        kinds.put("a subject word", () -> DeskLoad.PRODUCTS[i[0]++ % DeskLoad.PRODUCTS.length].split(" ")[0].toLowerCase());
        kinds.put("an order number in subjects", () -> desk.pick(desk.sampleOrders));
        kinds.put("a requester's email", () -> desk.pick(desk.sampleEmails));
        kinds.put("a ticket id", () -> desk.pick(desk.sampleTickets));
        for (var kind : kinds.entrySet()) {
          Histogram h = DeskLoad.time(browser, () -> "/desk?q=" + URLEncoder.encode(kind.getValue().get(),
              StandardCharsets.UTF_8), 20, 200);
          System.out.printf("  search /desk?q= %s: %s%n", kind.getKey(), h.summary());
          all.merge(h);
        }
        System.out.printf("  search, all of the above: %s%n", all.summary());
      }
      Histogram live = new Histogram();
      Map<String, Long> sent = new ConcurrentHashMap<>();
      try (ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
        long opening = System.currentTimeMillis();
        int open = desk.openStreams(liveClients, live, sent, readers);
        System.out.printf("  opened %d /desk/live streams in %.1f s (%d sessions)%n", open,
            (System.currentTimeMillis() - opening) / 1000.0, (open + 7) / 8);
        long replied = desk.reply(changeRate, seconds, sent);
        try {
          await("changes at the streams", desk::arrivals, replied * open, 60);
        } catch (IllegalStateException e) {
          System.out.println("  " + e.getMessage());
        }
        System.out.printf("  %d replies answered 201; change (POST sent) -> every stream: %s; missing %d,"
            + " streams ended early %d%n", replied, live.summary(), replied * open - desk.arrivals(), desk.ended());
        desk.close();
        readers.shutdownNow();
      }
    }
  }

  private static long liveHeap() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private void latency(BenchReceiver receiver) throws Exception {
    int perSecond = 1000 / WEBHOOKS;
    System.out.printf("%n== latency at 1,000 deliveries/s: %d events/s x %d webhooks for %d s%n", perSecond,
        WEBHOOKS, seconds);
    try (BenchNode node = new BenchNode(db, pgUrl)) {
      node.register(urls(receiver), 10_000);
      receiver.reset(true);
      node.fireAtRate(perSecond, seconds);
      await("deliveries", receiver.ok::sum, (long) perSecond * seconds * WEBHOOKS, 120);
      System.out.printf("  event commit -> receipt: %s%n", receiver.healthy().summary());
    }
  }

  private void isolation(BenchReceiver receiver) throws Exception {
    int perSecond = 1000 / WEBHOOKS;
    System.out.printf("%n== isolation: as latency, but webhook 0 never answers and webhook 1 answers in 2 s%n");
    try (BenchNode node = new BenchNode(db, pgUrl)) {
      node.register(urls(receiver), 10_000);
      receiver.mode(0, BenchReceiver.Mode.HANG);
      receiver.mode(1, BenchReceiver.Mode.SLOW);
      receiver.reset(true);
      node.fireAtRate(perSecond, seconds);
      await("healthy deliveries", receiver.healthy()::count, (long) perSecond * seconds * (WEBHOOKS - 2), 120);
      System.out.printf("  the %d healthy webhooks, event commit -> receipt: %s%n", WEBHOOKS - 2,
          receiver.healthy().summary());
    } finally {
      receiver.mode(0, BenchReceiver.Mode.OK);
      receiver.mode(1, BenchReceiver.Mode.OK);
    }
  }

  private void backlog(BenchReceiver receiver) throws Exception {
    System.out.printf("%n== backlog: %d deliveries queued (%s), then the receiver is up; heap sampled%n", backlog,
        seed ? "written straight into the queue, due in an hour, then all made due at once"
            : "receiver down (503) while the events are fired through the API");
    try (BenchNode node = new BenchNode(db, pgUrl)) {
      if (seed) node.fireTemplate();
      List<String> webhookIds = node.register(urls(receiver), 10_000);
      long start = System.currentTimeMillis();
      if (seed) {
        node.seedBacklog(backlog / WEBHOOKS, webhookIds);
      } else {
        for (int i = 0; i < WEBHOOKS; i++) receiver.mode(i, BenchReceiver.Mode.DOWN);
        node.fire(backlog / WEBHOOKS, 32);
      }
      await("fan-out", node::deliveriesCount, backlog, 1200);
      System.out.printf("  queued %d deliveries in %.1f s (queue depth %d)%n", node.deliveriesCount(),
          (System.currentTimeMillis() - start) / 1000.0, node.queueDepth());
      AtomicLong peak = new AtomicLong();
      AtomicLong live = new AtomicLong();
      Thread sampler = Thread.ofPlatform().daemon().start(() -> {
        var memory = ManagementFactory.getMemoryMXBean();
        while (!Thread.currentThread().isInterrupted()) {
          peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
          if (live.get() == 0 && receiver.ok.sum() >= backlog / 2) {
            // half way: what a full collection leaves is what the drain really holds
            System.gc();
            live.set(memory.getHeapMemoryUsage().getUsed());
          }
          try {
            Thread.sleep(100);
          } catch (InterruptedException e) {
            return;
          }
        }
      });
      receiver.reset(false);
      long up = System.currentTimeMillis();
      for (int i = 0; i < WEBHOOKS; i++) receiver.mode(i, BenchReceiver.Mode.OK);
      if (seed) node.releaseBacklog();
      await("drain", receiver.ok::sum, backlog, 1800);
      sampler.interrupt();
      long first = receiver.firstOkMillis.get();
      long last = receiver.lastOkMillis.get();
      System.out.printf("  drained %d deliveries: first 2xx %.1f s after the receiver came up (open circuits"
              + " wait for their probe), then %.0f deliveries/s; heap: peak used %d MB, live half way"
              + " (after a full collection) %d MB, of %d MB%n",
          backlog, (first - up) / 1000.0, backlog * 1000.0 / Math.max(1, last - first), peak.get() >> 20,
          live.get() >> 20, Runtime.getRuntime().maxMemory() >> 20);
    }
  }

  private static void await(String what, LongSupplier count, long target, int timeoutSeconds)
      throws InterruptedException {
    await(what, count, target, timeoutSeconds, false);
  }

  /** Waits until {@code count} reaches {@code target} (or falls to it, when {@code down}). */
  private static void await(String what, LongSupplier count, long target, int timeoutSeconds, boolean down)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutSeconds * 1000L;
    long report = System.currentTimeMillis() + 10_000;
    while (down ? count.getAsLong() > target : count.getAsLong() < target) {
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("timed out waiting for " + what + ": " + count.getAsLong() + "/" + target);
      }
      if (System.currentTimeMillis() > report) {
        System.out.printf("  ... %s %d/%d%n", what, count.getAsLong(), target);
        report += 10_000;
      }
      Thread.sleep(20);
    }
  }
}

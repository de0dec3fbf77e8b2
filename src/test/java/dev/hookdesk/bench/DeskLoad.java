package dev.hookdesk.bench;

import dev.hookdesk.core.Ids;
import dev.hookdesk.testing.Api;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The desk with a year's worth of tickets (issue 14): tickets, contacts and their two-message
 * conversations written straight into the tables (no events: nothing reads them here), agents
 * signed in with a password as a browser does, then the inbox, a ticket page and search timed
 * one request at a time over a keep-alive socket with the session cookie, and finally
 * {@code /desk/live} streams open while replies go through the API.
 */
final class DeskLoad implements AutoCloseable {
  private static final Pattern LIVE_ID = Pattern.compile("\"id\":\"(tkt_[0-9a-z]+)\"");
  private static final String[] FIRST = {"Ana", "Ben", "Chloé", "David", "Emma", "Farid", "Grace", "Hiro",
      "Ines", "Jonas", "Kemal", "Laura", "Mateo", "Nora", "Olga", "Pavel", "Quinn", "Rita", "Sam", "Tomás",
      "Uma", "Victor", "Wen", "Ximena", "Yusuf", "Zoe", "Amara", "Bruno", "Carmen", "Dmitri"};
  private static final String[] LAST = {"Smith", "García", "Müller", "Rossi", "Nguyen", "Kowalski", "Silva",
      "Johansson", "Okafor", "Tanaka", "Dubois", "Novak", "Hughes", "Larsen", "Costa", "Schmidt", "Patel",
      "Ivanova", "Moreau", "Fischer", "Bianchi", "Kim", "Ahmed", "Jensen", "Lopez", "Brown", "Weber",
      "Yilmaz", "Santos", "Murphy"};
  private static final String[] DOMAINS = {"gmail.com", "outlook.com", "yahoo.com", "proton.me",
      "shop.example", "acme.example", "globex.example", "initech.example", "umbrella.example", "web.de"};
  static final String[] PRODUCTS = {"Printer", "Router", "Laptop", "Invoice", "Subscription", "Password reset",
      "Account", "Order", "Refund", "Shipment", "License key", "Dashboard", "Mobile app", "CSV export",
      "Webhook", "Payment", "Coupon", "Delivery", "Warranty claim", "API token"};
  private static final String[] PROBLEMS = {"won't connect", "charged twice", "not arriving",
      "stopped working", "keeps crashing", "is missing", "was declined", "shows an error", "cannot be found",
      "is very slow"};
  private static final String[] AFTER = {" after the update", " since Monday", "", " again", " on Windows",
      " on my iPhone", "", " for the second time"};
  private static final String[] QUEUES = {"Billing", "Technical", "Shipping", "Returns", "Accounts"};
  private static final int AGENTS = 25;
  private static final int STREAMS_PER_SESSION = 8;

  private final BenchNode node;
  private final Random random = new Random(14);
  private final List<String> agentIds = new ArrayList<>();
  private final List<String> cookies = new ArrayList<>();
  final List<String> sampleTickets = new ArrayList<>();
  final List<String> openTickets = new ArrayList<>();
  final List<String> sampleEmails = new ArrayList<>();
  final List<String> sampleOrders = new ArrayList<>();
  final List<String> queueIds = new ArrayList<>();
  private final List<LiveStream> streams = new ArrayList<>();

  DeskLoad(BenchNode node) {
    this.node = node;
  }

  /** Agents and queues through the API; contacts, tickets and messages straight into the tables. */
  void seed(int tickets, int contacts) {
    for (String q : QUEUES) {
      queueIds.add(node.api.post("/queues", Api.json(Map.of("name", q))).expect(201).str("/id"));
    }
    for (int i = 0; i < AGENTS; i++) {
      agentIds.add(node.api.post("/agents", Api.json(Map.of("name", FIRST[i % FIRST.length] + " Agent",
          "email", "agent" + i + "@bench.example"))).expect(201).str("/id"));
    }
    var db = node.database();
    String ws = node.workspaceId();
    Ids ids = new Ids(Clock.systemUTC());
    Instant now = Instant.now();
    List<String> contactIds = new ArrayList<>(contacts);
    int chunk = 2000;
    for (int done = 0; done < contacts; done += chunk) {
      int n = Math.min(chunk, contacts - done);
      int from = done;
      db.inTransaction(h -> {
        var b = h.prepareBatch("INSERT INTO contacts (id, workspace_id, name, email, phone, created_at)"
            + " VALUES (:id, :ws, :name, :email, :phone, :at)");
        for (int i = from; i < from + n; i++) {
          String first = FIRST[random.nextInt(FIRST.length)];
          String last = LAST[random.nextInt(LAST.length)];
          String email = (first + "." + last + i).toLowerCase().replace("é", "e").replace("á", "a")
              .replace("ü", "u").replace("í", "i") + "@" + DOMAINS[random.nextInt(DOMAINS.length)];
          String id = ids.next("con");
          contactIds.add(id);
          if (random.nextInt(contacts / 500 + 1) == 0) sampleEmails.add(email);
          b.bind("id", id).bind("ws", ws).bind("name", first + " " + last).bind("email", email)
              .bind("phone", random.nextBoolean() ? "+1 555 " + (1000 + random.nextInt(9000)) : null)
              .bind("at", now.minusSeconds(400L * 86400 + random.nextInt(86400))).add();
        }
        return b.execute();
      });
    }
    for (int done = 0; done < tickets; done += chunk) {
      int n = Math.min(chunk, tickets - done);
      db.inTransaction(h -> {
        var t = h.prepareBatch("INSERT INTO tickets (id, workspace_id, subject, status, priority, category,"
            + " tags, requester_id, assignee_id, team_id, queue_id, answered, spam, trashed, archived,"
            + " message_count, comment_count, created_at, updated_at, closed_at) VALUES (:id, :ws, :subject,"
            + " :status, :priority, NULL, '[]', :requester, :assignee, NULL, :queue, :answered, :spam,"
            + " :trashed, :archived, 2, 0, :created, :updated, :closed)");
        var m = h.prepareBatch("INSERT INTO ticket_messages (id, ticket_id, seq, author_type, author_id, body,"
            + " internal, created_at) VALUES (:id, :ticket, :seq, :type, :author, :body, FALSE, :at)");
        for (int i = 0; i < n; i++) {
          String id = ids.next("tkt");
          String requester = contactIds.get(random.nextInt(contactIds.size()));
          String agent = random.nextInt(10) < 7 ? agentIds.get(random.nextInt(AGENTS)) : null;
          int kind = random.nextInt(100);
          boolean open = kind < 60;
          boolean archived = kind >= 90 && kind < 95;
          boolean spam = kind >= 95 && kind < 98;
          boolean trashed = kind >= 98;
          Instant updated = now.minusSeconds(random.nextInt(365 * 86400));
          Instant created = updated.minusSeconds(random.nextInt(10 * 86400));
          String order = Integer.toString(10000 + random.nextInt(90000));
          String subject = PRODUCTS[random.nextInt(PRODUCTS.length)] + " "
              + PROBLEMS[random.nextInt(PROBLEMS.length)]
              + (random.nextInt(4) == 0 ? " (order #" + order + ")" : AFTER[random.nextInt(AFTER.length)]);
          if (subject.contains("#") && sampleOrders.size() < 500) sampleOrders.add(order);
          if (sampleTickets.size() < 2000 && random.nextInt(20) == 0) sampleTickets.add(id);
          if (open && !spam && !trashed && openTickets.size() < 20_000) openTickets.add(id);
          t.bind("id", id).bind("ws", ws).bind("subject", subject).bind("status", open ? "open" : "closed")
              .bind("priority", new String[] {"low", "normal", "normal", "high", "urgent"}[random.nextInt(5)])
              .bind("requester", requester).bind("assignee", agent)
              .bind("queue", random.nextInt(10) < 6 ? queueIds.get(random.nextInt(queueIds.size())) : null)
              .bind("answered", !open || random.nextBoolean()).bind("spam", spam).bind("trashed", trashed)
              .bind("archived", archived).bind("created", created).bind("updated", updated)
              .bindByType("closed", open ? null : updated, Instant.class).add();
          m.bind("id", ids.next("msg")).bind("ticket", id).bind("seq", 1).bind("type", "contact")
              .bind("author", requester).bind("body", "Hello, my " + subject.toLowerCase()
                  + ". I tried restarting it. Can you help?").bind("at", created).add();
          m.bind("id", ids.next("msg")).bind("ticket", id).bind("seq", 2).bind("type", "agent")
              .bind("author", agent == null ? agentIds.get(0) : agent)
              .bind("body", "Thanks for writing in. Could you send a screenshot of what you see?")
              .bind("at", created.plusSeconds(3600)).add();
        }
        t.execute();
        m.execute();
        return null;
      });
    }
    // what autovacuum (PostgreSQL: statistics, and the visibility map that lets the views'
    // counts read the index alone) and H2's own analysis do soon after a bulk load; VACUUM
    // cannot run inside a transaction
    boolean postgres = db.dialect().name().equals("postgresql");
    db.jdbi().useHandle(h -> h.execute(postgres ? "VACUUM ANALYZE" : "ANALYZE"));
  }

  /** Each agent chooses a password on their invitation page, which signs them in (the session cookie). */
  void signIn() {
    for (String agent : agentIds) cookies.add(AgentSignIn.invited(node, node.port(), agent));
  }

  /** The first agent's pages, as their browser asks for them. */
  LoadClient browser() {
    return LoadClient.withCookie(node.port(), cookies.get(0));
  }

  /** {@code n} GETs of the paths {@code next} gives, one at a time; fails on anything but 200. */
  static Histogram time(LoadClient browser, Supplier<String> next, int warmUp, int n) {
    Histogram h = new Histogram();
    for (int i = 0; i < warmUp + n; i++) {
      String path = next.get();
      long start = System.nanoTime();
      Http1.Message answer = browser.get(path);
      long took = (System.nanoTime() - start) / 1000;
      if (!answer.startLine().contains(" 200 ")) {
        throw new IllegalStateException("GET " + path + " answered " + answer.startLine());
      }
      if (i >= warmUp) h.record(took);
    }
    return h;
  }

  String pick(List<String> from) {
    return from.get(random.nextInt(from.size()));
  }

  /** Opens {@code clients} streams, {@value #STREAMS_PER_SESSION} per signed-in agent (the desk's limit per session). */
  int openStreams(int clients, Histogram latency, Map<String, Long> sent, ExecutorService readers) throws IOException {
    if (clients > cookies.size() * STREAMS_PER_SESSION) {
      throw new IllegalArgumentException("at most " + cookies.size() * STREAMS_PER_SESSION + " live clients");
    }
    for (int i = 0; i < clients; i++) {
      LiveStream s = new LiveStream(node.port(), cookies.get(i / STREAMS_PER_SESSION));
      streams.add(s);
      readers.submit(() -> s.read(latency, sent));
    }
    return streams.size();
  }

  /**
   * Agents' replies through the API at {@code perSecond} for {@code seconds}, open loop, each on a
   * ticket of its own; returns how many were answered 201.
   */
  long reply(int perSecond, int seconds, Map<String, Long> sent) throws InterruptedException {
    LongAdder ok = new LongAdder();
    long start = System.nanoTime();
    long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < perSecond * seconds; i++) {
        long wait = start + i * interval - System.nanoTime();
        if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
        String ticket = openTickets.get(i);
        String agent = agentIds.get(i % agentIds.size());
        pool.submit(() -> {
          sent.put(ticket, System.nanoTime());
          int status = node.load().post("/api/v1/tickets/" + ticket + "/replies",
              "{\"author_type\":\"agent\",\"author_id\":\"" + agent + "\",\"body\":\"On my way.\"}");
          if (status == 201) ok.increment();
        });
      }
    }
    return ok.sum();
  }

  long arrivals() {
    return streams.stream().mapToLong(LiveStream::seen).sum();
  }

  long ended() {
    return streams.stream().filter(s -> s.ended != null).count();
  }

  @Override
  public void close() {
    streams.forEach(LiveStream::close);
  }

  /** One {@code /desk/live} stream on a socket of its own, as one browser tab's EventSource. */
  private static final class LiveStream {
    private final Socket socket;
    private final InputStream in;
    private final boolean chunked;
    private final Set<String> seen = new HashSet<>();
    volatile String ended;

    LiveStream(int port, String cookie) throws IOException {
      socket = new Socket(InetAddress.getLoopbackAddress(), port);
      socket.setTcpNoDelay(true);
      in = new BufferedInputStream(socket.getInputStream(), 8192);
      chunked = EventStream.open(in, socket.getOutputStream(), port, "/desk/live", "cookie: " + cookie + "\r\n");
    }

    /** Records the first arrival of each change (a reply makes more than one event of its ticket). */
    void read(Histogram latency, Map<String, Long> sent) {
      try {
        EventStream.read(in, chunked, (event, data) -> {
          long now = System.nanoTime();
          Matcher m = LIVE_ID.matcher(data);
          if (!m.find()) return;
          Long at = sent.get(m.group(1));
          if (at == null) return;
          synchronized (this) {
            if (!seen.add(m.group(1))) return;
          }
          latency.record((now - at) / 1000);
        });
        ended = "the node ended the stream";
      } catch (IOException e) {
        if (!socket.isClosed()) ended = e.toString();
      }
    }

    synchronized long seen() {
      return seen.size();
    }

    void close() {
      try {
        socket.close();
      } catch (IOException e) {
        // already gone
      }
    }
  }
}

package dev.hookdesk.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookdesk.testing.Api;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Live chat under load (issue 15): visitors each with a chat taken by an agent and its live
 * stream open on the visitors' node; the agents signed in on the agents' node (the same node,
 * or a second one on the same PostgreSQL schema) with a console tab open per chat; then both
 * sides talk at once, visitors through {@code /widget/v1} and agents through {@code /api/v1}.
 */
final class VisitorLoad implements AutoCloseable {
  static final String ORIGIN = "https://shop.bench.example";
  static final String SOURCE = "bench_site";
  /** As in the target; more when the visitors need more than 100 chats an agent. */
  private static final int AGENTS = 50;
  private static final int MAX_CHATS_LIMIT = 100;
  private static final int OPENING_AT_ONCE = 32;
  /** The console's limit of live streams per session (ChatStream): more tabs take another sign-in. */
  static final int TABS_PER_SESSION = 8;
  private static final int SIGNING_IN_AT_ONCE = 4;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final BenchNode visitorNode;
  private final BenchNode agentNode;
  private final List<WidgetVisitor> visitors = new ArrayList<>();
  private final List<AgentConsole> consoles = Collections.synchronizedList(new ArrayList<>());
  private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
  private final ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor();
  private final Map<String, String> emails = new LinkedHashMap<>();
  final int agents;
  final int maxChats;
  final Direction visitorToAgent = new Direction("visitor -> agent", "visitor");
  final Direction agentToVisitor = new Direction("agent -> visitor", "agent");

  /** The source that lets {@link #ORIGIN} embed the widget, and agents online with room for every chat. */
  VisitorLoad(BenchNode visitorNode, BenchNode agentNode, int visitors) {
    if (visitors < 1 || visitors > WidgetVisitor.MAX) {
      throw new IllegalArgumentException("--visitors 1.." + WidgetVisitor.MAX + " (one loopback address each)");
    }
    this.visitorNode = visitorNode;
    this.agentNode = agentNode;
    this.agents = Math.max(AGENTS, (visitors + MAX_CHATS_LIMIT - 1) / MAX_CHATS_LIMIT);
    this.maxChats = (visitors + agents - 1) / agents;
    Api api = visitorNode.api;
    api.post("/sources", Api.json(Map.of("key", SOURCE, "name", "Bench site"))).expect(201);
    api.patch("/sources/" + SOURCE, Api.json(Map.of("allowed_origins", List.of(ORIGIN)))).expect(200);
    for (int i = 0; i < agents; i++) {
      String email = "agent" + i + "@bench.example";
      emails.put(api.post("/agents", Api.json(Map.of("name", "Agent " + i, "email", email,
          "status", "online", "max_chats", maxChats))).expect(201).str("/id"), email);
    }
  }

  record Opened(int streams, int failed, double seconds, List<String> firstFailures) {
    String line(String what) {
      return String.format("  opened %d %s in %.1f s; failed %d%s", streams, what, seconds, failed,
          firstFailures.isEmpty() ? "" : " " + firstFailures);
    }
  }

  /** Each visitor: a session, a chat (routed at once), its agent, its stream. */
  Opened openVisitors(int count) throws InterruptedException {
    Semaphore opening = new Semaphore(OPENING_AT_ONCE);
    List<WidgetVisitor> ready = Collections.synchronizedList(new ArrayList<>());
    long start = System.nanoTime();
    failures.clear();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < count; i++) {
        opening.acquire();
        int n = i;
        pool.submit(() -> {
          WidgetVisitor v = null;
          try {
            v = new WidgetVisitor(n, visitorNode.port(), ORIGIN);
            v.routedTo(agentOf(v.start(visitorNode.workspaceId(), SOURCE)));
            v.openStream();
            WidgetVisitor reading = v;
            readers.submit(() -> reading.read(agentToVisitor));
            ready.add(v);
          } catch (Exception e) {
            failures.add("visitor " + n + ": " + e.getMessage());
            if (v != null) v.close();
          } finally {
            opening.release();
          }
        });
      }
    }
    visitors.addAll(ready);
    visitors.sort(Comparator.comparingInt(v -> v.index));
    return opened(visitors.size(), start);
  }

  private Opened opened(int streams, long start) {
    return new Opened(streams, failures.size(), (System.nanoTime() - start) / 1e9,
        failures.stream().limit(3).toList());
  }

  /** The agent the chat was routed to; fails when it is waiting (the agents' room is sized so none does). */
  private String agentOf(String chatId) throws IOException {
    Http1.Message answer = visitorNode.load().get("/api/v1/chats/" + chatId);
    var chat = JSON.readTree(new String(answer.body(), StandardCharsets.UTF_8));
    var participants = chat.path("participants");
    if (participants.isEmpty()) {
      throw new IllegalStateException("chat " + chatId + " is " + chat.path("status").asText() + " with no agent");
    }
    return participants.get(0).path("id").asText();
  }

  /**
   * Each agent signs in on the agents' node (the invitation, then {@code /sign-in} for each
   * further {@value #TABS_PER_SESSION} tabs, as another browser) and opens a console tab per chat.
   */
  Opened openConsoles() throws InterruptedException {
    Map<String, List<WidgetVisitor>> chatsOf = new LinkedHashMap<>();
    for (WidgetVisitor v : visitors) chatsOf.computeIfAbsent(v.visitor.agentId, k -> new ArrayList<>()).add(v);
    Semaphore signingIn = new Semaphore(SIGNING_IN_AT_ONCE);
    AtomicInteger sessions = new AtomicInteger();
    long start = System.nanoTime();
    failures.clear();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (var agent : chatsOf.entrySet()) {
        signingIn.acquire();
        pool.submit(() -> {
          try {
            List<WidgetVisitor> chats = agent.getValue();
            String cookie = null;
            for (int k = 0; k < chats.size(); k++) {
              if (k % TABS_PER_SESSION == 0) {
                cookie = k == 0 ? AgentSignIn.invited(visitorNode, agentNode.port(), agent.getKey())
                    : AgentSignIn.signIn(agentNode.port(), emails.get(agent.getKey()));
                sessions.incrementAndGet();
              }
              WidgetVisitor v = chats.get(k);
              try {
                AgentConsole tab = new AgentConsole(agentNode.port(), cookie, v.chatId);
                consoles.add(tab);
                readers.submit(() -> tab.read(visitorToAgent, v.visitor));
              } catch (IOException e) {
                failures.add("console of " + v.chatId + ": " + e.getMessage());
              }
            }
          } catch (RuntimeException e) {
            failures.add("agent " + agent.getKey() + ": " + e);
          } finally {
            signingIn.release();
          }
        });
      }
    }
    Opened o = opened(consoles.size(), start);
    return new Opened(o.streams(), o.failed(), o.seconds(), append(o.firstFailures(), sessions.get() + " sessions"));
  }

  private static List<String> append(List<String> list, String more) {
    List<String> l = new ArrayList<>(list);
    l.add(0, "(" + more + ")");
    return l;
  }

  /** Both sides at once, each at its own total rate, round robin over the chats, for {@code seconds}. */
  void talk(int visitorRate, int agentRate, int seconds) throws Exception {
    List<Talker> fromVisitors = visitorSides();
    List<Talker> fromAgents = agentSides();
    try (ExecutorService sides = Executors.newVirtualThreadPerTaskExecutor()) {
      var visitorsTalk = sides.submit(() -> {
        visitorToAgent.run(visitorRate, seconds, fromVisitors, (i, text) -> visitors.get(i).say(text));
        return null;
      });
      agentToVisitor.run(agentRate, seconds, fromAgents, (i, text) -> agentNode.load().exchange(
          "/api/v1/chats/" + visitors.get(i).chatId + "/messages", "{\"author_type\":\"agent\",\"author_id\":\""
              + visitors.get(i).agent.agentId + "\",\"text\":\"" + text + "\"}"));
      visitorsTalk.get();
    }
  }

  List<Talker> visitorSides() {
    return visitors.stream().map(v -> v.visitor).toList();
  }

  List<Talker> agentSides() {
    return visitors.stream().map(v -> v.agent).toList();
  }

  /** Streams that ended before the bench closed them: the visitors' and the consoles'. */
  String ended() {
    List<String> visitorEnds = visitors.stream().map(WidgetVisitor::ended).filter(e -> e != null).toList();
    List<String> consoleEnds;
    synchronized (consoles) {
      consoleEnds = consoles.stream().map(AgentConsole::ended).filter(e -> e != null).toList();
    }
    return String.format("  streams that ended early: visitors' %d of %d, consoles' %d of %d%s", visitorEnds.size(),
        visitors.size(), consoleEnds.size(), consoles.size(), visitorEnds.isEmpty() && consoleEnds.isEmpty() ? ""
            : " (first: " + (visitorEnds.isEmpty() ? consoleEnds : visitorEnds).get(0) + ")");
  }

  @Override
  public void close() {
    visitors.forEach(WidgetVisitor::close);
    consoles.forEach(AgentConsole::close);
    readers.shutdownNow();
  }
}

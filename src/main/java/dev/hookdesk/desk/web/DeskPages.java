package dev.hookdesk.desk.web;

import dev.hookdesk.console.ConsoleGate;
import dev.hookdesk.console.ConsoleSession;
import dev.hookdesk.desk.queues.Queue;
import dev.hookdesk.desk.tickets.TicketViews;
import dev.hookdesk.desk.tickets.TicketViews.Scope;
import dev.hookdesk.http.Router;
import dev.hookdesk.http.Routes;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code /desk}: the ticket views (SPEC §9) with their counts, one per queue, search, and
 * keyset paging. {@code /desk} itself is "Mine" for an agent. Asked by htmx (the live region
 * reloading after a change), a view answers with its region only.
 */
public final class DeskPages implements Routes {
  static final int PAGE = 50;
  /** Contacts whose name or email matches a search, at most; their tickets join the results. */
  static final int SEARCH_CONTACTS = 200;
  private static final int MAX_QUERY = 200;

  /** The fixed views, in the order the desk lists them. */
  private static final Map<String, String> NAMES = new LinkedHashMap<>();

  static {
    NAMES.put("mine", "Mine");
    NAMES.put("unassigned", "Unassigned");
    NAMES.put("open", "Open");
    NAMES.put("closed", "Closed");
    NAMES.put("spam", "Spam");
    NAMES.put("trash", "Trash");
    NAMES.put("archived", "Archived");
  }

  private final ConsoleGate gate;
  private final TicketViews views;
  private final Directory directory;

  DeskPages(ConsoleGate gate, TicketViews views, Directory directory) {
    this.gate = Objects.requireNonNull(gate);
    this.views = Objects.requireNonNull(views);
    this.directory = Objects.requireNonNull(directory);
  }

  @Override
  public void register(Router router) {
    var r = router.raw();
    r.get("/desk", gate.desk((ctx, s) -> view(ctx, s, s.principal().agentId().isPresent() ? "mine" : "open")));
    r.get("/desk/views/{view}", gate.desk((ctx, s) -> view(ctx, s, ctx.pathParam("view"))));
    r.get("/desk/queues/{queue}", gate.desk(this::queue));
  }

  private void view(Context ctx, ConsoleSession s, String key) {
    if (!NAMES.containsKey(key)) {
      DeskErrors.send(gate, ctx, s, 404, "There is no ticket view called '" + key + "'.");
      return;
    }
    String path = key.equals("mine") && ctx.path().equals("/desk") ? "/desk" : "/desk/views/" + key;
    show(ctx, s, key, NAMES.get(key), scope(s, key), path);
  }

  private void queue(Context ctx, ConsoleSession s) {
    String id = ctx.pathParam("queue");
    Optional<Queue> q = directory.queues(s.workspaceId()).stream().filter(x -> x.id().equals(id)).findFirst();
    if (q.isEmpty()) {
      DeskErrors.send(gate, ctx, s, 404, "There is no queue " + id + " in this workspace.");
      return;
    }
    show(ctx, s, "queue:" + id, q.get().name(), Scope.queue(id), "/desk/queues/" + id);
  }

  private static Scope scope(ConsoleSession s, String key) {
    return switch (key) {
      // a token session acts for an agent only when its token is bound to one
      case "mine" -> Scope.assignedTo(s.principal().agentId().orElse(""));
      case "unassigned" -> Scope.UNASSIGNED;
      case "closed" -> Scope.CLOSED;
      case "spam" -> Scope.SPAM;
      case "trash" -> Scope.TRASH;
      case "archived" -> Scope.ARCHIVED;
      default -> Scope.OPEN;
    };
  }

  private void show(Context ctx, ConsoleSession s, String key, String name, Scope scope, String path) {
    String ws = s.workspaceId();
    String query = Optional.ofNullable(ctx.queryParam("q")).map(String::strip).orElse("");
    if (query.length() > MAX_QUERY) query = query.substring(0, MAX_QUERY);
    Optional<String> cursor = Optional.ofNullable(ctx.queryParam("cursor")).filter(c -> !c.isEmpty());
    TicketViews.Listing listing = query.isEmpty()
        ? views.list(ws, scope, cursor, PAGE)
        : views.search(ws, query, directory.contactsMatching(ws, query, SEARCH_CONTACTS), cursor, PAGE);

    List<Entry> entries = new ArrayList<>();
    NAMES.forEach((k, n) -> entries.add(new Entry(k, n, k.equals("mine") ? "/desk" : "/desk/views/" + k,
        scope(s, k))));
    for (Queue q : directory.queues(ws)) {
      entries.add(new Entry("queue:" + q.id(), q.name(), "/desk/queues/" + q.id(), Scope.queue(q.id())));
    }
    List<Integer> counts = views.counts(ws, entries.stream().map(Entry::scope).toList());
    List<Pages.ViewLink> links = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      String count = counts.get(i) >= TicketViews.COUNT_CAP ? TicketViews.COUNT_CAP + "+"
          : Integer.toString(counts.get(i));
      links.add(new Pages.ViewLink(e.key().replace(':', '-'), e.name(), e.href(), count, e.key().equals(key)));
    }
    List<Pages.ViewLink> fixed = links.subList(0, NAMES.size());
    List<Pages.ViewLink> queues = links.subList(NAMES.size(), links.size());

    String search = query.isEmpty() ? "" : "q=" + encode(query);
    String first = path + (search.isEmpty() ? "" : "?" + search);
    String here = cursor.map(c -> path + "?" + join(search, "cursor=" + encode(c))).orElse(first);
    String next = listing.nextCursor() == null ? null
        : path + "?" + join(search, "cursor=" + encode(listing.nextCursor()));
    String heading = query.isEmpty() ? name : "Search results for \u201c" + query + "\u201d";
    String empty = !query.isEmpty() ? "No ticket matches your search."
        : cursor.isPresent() ? "No more tickets in this view." : "No tickets in this view.";
    var page = new Pages.Inbox(DeskChrome.of(s, heading, "tickets"), heading, query, fixed, queues,
        directory.rows(ws, listing.tickets()), here, next, cursor.isPresent() ? first : null, empty);
    boolean region = ctx.header("HX-Request") != null;
    gate.templates().send(ctx, 200, region ? "desk/inbox_region.jte" : "desk/inbox.jte", page);
  }

  /** A view in the navigation, before its count is known. */
  private record Entry(String key, String name, String href, Scope scope) {}

  private static String join(String a, String b) {
    return a.isEmpty() ? b : a + "&" + b;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}

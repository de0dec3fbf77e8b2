package dev.hookdesk.widget;

import dev.hookdesk.core.DomainException.Forbidden;
import dev.hookdesk.core.DomainException.Unauthorized;
import dev.hookdesk.desk.sources.Origins;
import dev.hookdesk.desk.sources.SourceService;
import dev.hookdesk.http.Throttle;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What every {@code /widget/v1} request passes: the {@code Origin} (refused unless a source
 * allows it, or it is this node's own), CORS answers for allowed origins only, a small body,
 * rate limits per client address and per visitor, and the visitor token.
 */
final class WidgetGate {
  static final int PER_ADDRESS_PER_MINUTE = 600;
  static final int PER_VISITOR_PER_MINUTE = 120;
  static final int SESSIONS_PER_ADDRESS_PER_MINUTE = 20;
  static final long MAX_BODY_BYTES = 64 * 1024;
  private static final int REMEMBERED_KEYS = 50_000;

  private final SourceService sources;
  private final VisitorSessions sessions;
  private final Supplier<String> ownOrigin;
  private final Throttle perAddress;
  private final Throttle perVisitor;
  private final Throttle sessionsPerAddress;

  WidgetGate(SourceService sources, VisitorSessions sessions, Supplier<String> ownOrigin, Clock clock) {
    this.sources = sources;
    this.sessions = sessions;
    this.ownOrigin = ownOrigin;
    this.perAddress = new Throttle(PER_ADDRESS_PER_MINUTE, REMEMBERED_KEYS, clock);
    this.perVisitor = new Throttle(PER_VISITOR_PER_MINUTE, REMEMBERED_KEYS, clock);
    this.sessionsPerAddress = new Throttle(SESSIONS_PER_ADDRESS_PER_MINUTE, REMEMBERED_KEYS, clock);
  }

  /**
   * Before every request: an Origin no source of any workspace lists is refused here (a CORS
   * preflight carries no token, so it cannot be checked against one source yet).
   */
  void before(Context ctx) {
    ctx.header("Vary", "Origin");
    String origin = ctx.header("Origin");
    if (origin != null) {
      String o = Origins.normalize(origin).orElseThrow(() -> refused(origin));
      if (!o.equals(ownOrigin.get()) && !sources.allowedAnywhere(o)) throw refused(origin);
      ctx.header("Access-Control-Allow-Origin", origin);
      ctx.header("Access-Control-Expose-Headers", "Retry-After");
    }
    perAddress.check(ctx, ctx.ip(), "from this address");
    if (ctx.req().getContentLengthLong() > MAX_BODY_BYTES) {
      throw new HttpResponseException(413, "too large");
    }
  }

  /** The answer to a CORS preflight whose origin {@link #before} let through. */
  void preflight(Context ctx) {
    ctx.header("Access-Control-Allow-Methods", "GET, POST");
    ctx.header("Access-Control-Allow-Headers", "Authorization, Content-Type, Last-Event-ID");
    ctx.header("Access-Control-Max-Age", "600");
    ctx.status(204);
  }

  /** A new session's request: its origin must be allowed for that source. */
  void opening(Context ctx, String workspaceId, String source) {
    sessionsPerAddress.check(ctx, ctx.ip(), "to start visitor sessions from this address");
    requireOrigin(ctx, workspaceId, source);
  }

  /** The visitor behind {@code Authorization: Bearer vis_…}, or behind the stream key when allowed. */
  Visitor visitor(Context ctx, boolean streamKeyAllowed) {
    String header = ctx.header("Authorization");
    Optional<Visitor> v;
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      v = sessions.byToken(header.substring(7).trim());
    } else if (streamKeyAllowed && ctx.queryParam("key") != null) {
      v = sessions.byStreamKey(ctx.queryParam("key"));
    } else {
      throw new Unauthorized("Send the visitor token from POST /widget/v1/sessions as "
          + "'Authorization: Bearer vis_…'");
    }
    Visitor visitor = v.orElseThrow(() -> new Unauthorized("The visitor token is unknown"));
    requireOrigin(ctx, visitor.workspaceId(), visitor.source());
    perVisitor.check(ctx, visitor.sessionId(), "from this visitor");
    return visitor;
  }

  private void requireOrigin(Context ctx, String workspaceId, String source) {
    String origin = ctx.header("Origin");
    if (origin == null) return; // not a browser's cross-origin request: nothing to protect
    String o = Origins.normalize(origin).orElseThrow(() -> refused(origin));
    if (o.equals(ownOrigin.get())) return;
    boolean listed = sources.find(workspaceId, source)
        .map(s -> s.allowedOrigins().contains(o)).orElse(false);
    if (!listed) throw refused(origin);
  }

  private static Forbidden refused(String origin) {
    return new Forbidden("The site " + origin + " may not embed this chat widget; an admin lists "
        + "allowed sites with PATCH /api/v1/sources/{key} {\"allowed_origins\": [...]}");
  }
}

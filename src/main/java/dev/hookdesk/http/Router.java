package dev.hookdesk.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookdesk.core.DomainException.Forbidden;
import dev.hookdesk.core.DomainException.Unauthorized;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.List;

/** Registers routes under {@code /api/v1} with the token check each needs. */
public final class Router {
  public static final String API = "/api/v1";

  private final RoutesConfig routes;
  private final Authenticator authenticator;
  private final ClientAuthenticator clients;
  private final ObjectMapper mapper;
  private final WriteGate gate;
  private final List<Route> registered = new ArrayList<>();

  Router(RoutesConfig routes, Authenticator authenticator, ClientAuthenticator clients,
      ObjectMapper mapper, WriteGate gate) {
    this.routes = routes;
    this.gate = gate;
    this.authenticator = authenticator;
    this.clients = clients;
    this.mapper = mapper;
  }

  public void get(String path, Access access, Endpoint endpoint) {
    routes.get(API + path, wrap("GET", path, access, endpoint));
  }

  public void post(String path, Access access, Endpoint endpoint) {
    routes.post(API + path, wrap("POST", path, access, endpoint));
  }

  public void put(String path, Access access, Endpoint endpoint) {
    routes.put(API + path, wrap("PUT", path, access, endpoint));
  }

  public void patch(String path, Access access, Endpoint endpoint) {
    routes.patch(API + path, wrap("PATCH", path, access, endpoint));
  }

  public void delete(String path, Access access, Endpoint endpoint) {
    routes.delete(API + path, wrap("DELETE", path, access, endpoint));
  }

  /**
   * Lets a client's write to the workspace in, or refuses it ({@code Busy}, 503; Problems reads
   * the body first) before any of its work: every API write passes here, and routes outside the
   * API that write call it too.
   */
  public void admitWrite(String workspaceId) {
    gate.admit(workspaceId);
  }

  /** Routes outside the API base path (health, console, inspector): no token check. */
  public RoutesConfig raw() {
    return routes;
  }

  public ObjectMapper mapper() {
    return mapper;
  }

  /** Every route registered under {@code /api/v1} so far, in order (the API's own listing). */
  public synchronized List<Route> registered() {
    return List.copyOf(registered);
  }

  private synchronized Handler wrap(String method, String path, Access access, Endpoint endpoint) {
    registered.add(new Route(method, API + path, access));
    return ctx -> {
      Principal p = scoped(authorize(ctx, access), method, path);
      if (p != null && !method.equals("GET")) admitWrite(p.workspaceId());
      endpoint.handle(new Call(ctx, p, mapper));
    };
  }

  /** An installation token calls only the routes its granted scopes cover (SPEC §8). */
  private static Principal scoped(Principal p, String method, String path) {
    if (p == null || p.scopes().isEmpty()) return p;
    AppScopes.refusal(p.scopes().get(), method, path).ifPresent(why -> {
      throw new Forbidden(why);
    });
    return p;
  }

  private Principal authorize(Context ctx, Access access) {
    if (access == Access.PUBLIC) return null;
    if (access == Access.CLIENT) return client(ctx);
    String header = ctx.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new Unauthorized("Send your API token as 'Authorization: Bearer <token>'");
    }
    Principal p = authenticator.authenticate(header.substring(7).trim())
        .orElseThrow(() -> new Unauthorized("The token is unknown or has been revoked"));
    if (!access.allows(p)) {
      throw new Forbidden("This needs " + access.describe() + "; your token's role is " + p.role().key());
    }
    return p;
  }

  /** HTTP Basic {@code client_id:client_secret} (RFC 7617), as at the token endpoint. */
  private Principal client(Context ctx) {
    String header = ctx.header("Authorization");
    String[] pair = null;
    if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String decoded = new String(java.util.Base64.getDecoder().decode(header.substring(6).trim()),
            java.nio.charset.StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        if (colon > 0) pair = new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
      } catch (IllegalArgumentException e) {
        pair = null;
      }
    }
    if (pair == null) {
      ctx.header("WWW-Authenticate", "Basic realm=\"hookdesk\"");
      throw new Unauthorized("Send the app's client credentials as HTTP Basic client_id:client_secret");
    }
    String[] credentials = pair;
    return clients.authenticate(credentials[0], credentials[1]).orElseThrow(() -> {
      ctx.header("WWW-Authenticate", "Basic realm=\"hookdesk\"");
      return new Unauthorized("Unknown client or wrong client secret");
    });
  }
}

package dev.hookdesk.workspaces;

import dev.hookdesk.http.Access;
import dev.hookdesk.http.Call;
import dev.hookdesk.http.Role;
import dev.hookdesk.http.Router;
import dev.hookdesk.http.Routes;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** {@code POST /workspaces} (owner) and {@code /tokens} (admins). */
public final class WorkspaceRoutes implements Routes {
  private static final List<String> ROLES = List.of("admin", "agent", "app");

  private final WorkspaceService workspaces;
  private final TokenService tokens;

  public WorkspaceRoutes(WorkspaceService workspaces, TokenService tokens) {
    this.workspaces = Objects.requireNonNull(workspaces);
    this.tokens = Objects.requireNonNull(tokens);
  }

  @Override
  public void register(Router r) {
    r.post("/workspaces", Access.OWNER, this::createWorkspace);
    r.post("/tokens", Access.ADMIN, this::mint);
    r.get("/tokens", Access.ADMIN, c -> c.ok(tokens.list(c.workspaceId(), c.page())));
    r.delete("/tokens/{id}", Access.ADMIN, c -> {
      tokens.revoke(c.workspaceId(), c.path("id"), c.principal().tokenId());
      c.noContent();
    });
  }

  private void createWorkspace(Call c) {
    var body = c.body().allow("name");
    String name = body.string("name", 200);
    body.done();
    var created = workspaces.create(name);
    c.created(Map.of("workspace", created.workspace(), "admin_token", created.adminToken()));
  }

  private void mint(Call c) {
    var body = c.body().allow("role", "name");
    String role = body.oneOf("role", ROLES);
    String name = body.string("name", 200);
    body.done();
    var minted = tokens.mint(c.workspaceId(), Role.of(role), name);
    c.created(Map.of("id", minted.id(), "token", minted.token(), "role", role, "name", name));
  }
}

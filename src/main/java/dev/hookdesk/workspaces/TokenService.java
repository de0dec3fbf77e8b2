package dev.hookdesk.workspaces;

import dev.hookdesk.core.DomainException.Conflict;
import dev.hookdesk.core.DomainException.NotFound;
import dev.hookdesk.core.Ids;
import dev.hookdesk.core.SecretDigest;
import dev.hookdesk.http.Authenticator;
import dev.hookdesk.http.Page;
import dev.hookdesk.http.Principal;
import dev.hookdesk.http.Role;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * API tokens: minted once, stored as SHA-256 hashes, revoked by deletion. A token may be bound
 * to an agent: it acts as that agent and is revoked when the agent is deactivated.
 */
public final class TokenService implements Authenticator {
  private final Jdbi jdbi;
  private final Ids ids;
  private final Clock clock;

  public TokenService(Jdbi jdbi, Ids ids, Clock clock) {
    this.jdbi = Objects.requireNonNull(jdbi);
    this.ids = Objects.requireNonNull(ids);
    this.clock = Objects.requireNonNull(clock);
  }

  /** A freshly minted token: the id and the secret value, which is never shown again. */
  public record Minted(String id, String token) {}

  @Override
  public Optional<Principal> authenticate(String token) {
    if (token.isEmpty() || token.length() > 200) return Optional.empty();
    return jdbi.withHandle(h -> h.createQuery("""
            SELECT id, workspace_id, role, owner, app_id, agent_id FROM tokens
            WHERE token_hash = :hash AND revoked_at IS NULL""")
        .bind("hash", hash(token))
        .map(TokenService::toPrincipal)
        .findOne());
  }

  /** The principal of a token by id, while it is not revoked (console sessions re-check it). */
  public Optional<Principal> principal(String tokenId) {
    return jdbi.withHandle(h -> h.createQuery("""
            SELECT id, workspace_id, role, owner, app_id, agent_id FROM tokens
            WHERE id = :id AND revoked_at IS NULL""")
        .bind("id", tokenId)
        .map(TokenService::toPrincipal)
        .findOne());
  }

  private static Principal toPrincipal(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
      throws java.sql.SQLException {
    return new Principal(rs.getString("id"), rs.getString("workspace_id"),
        Role.of(rs.getString("role")), rs.getBoolean("owner"),
        Optional.ofNullable(rs.getString("app_id")), Optional.ofNullable(rs.getString("agent_id")));
  }

  public Minted mint(Handle h, String workspaceId, Role role, String name, boolean owner) {
    String value = "hd_" + Base64.getUrlEncoder().withoutPadding().encodeToString(ids.randomBytes(32));
    return new Minted(insert(h, workspaceId, role, name, owner, value, null), value);
  }

  public Minted mint(String workspaceId, Role role, String name) {
    return jdbi.inTransaction(h -> mint(h, workspaceId, role, name, false));
  }

  /**
   * A token that acts for an agent. {@code agentCheck} runs first in the same transaction: it
   * locks the agent's row and throws unless the agent is active, so a deactivation running at
   * the same time cannot miss the new token.
   */
  public Minted mintFor(String workspaceId, Role role, String name, String agentId,
      Consumer<Handle> agentCheck) {
    return jdbi.inTransaction(h -> {
      agentCheck.accept(h);
      String value = "hd_" + Base64.getUrlEncoder().withoutPadding().encodeToString(ids.randomBytes(32));
      return new Minted(insert(h, workspaceId, role, name, false, value, Objects.requireNonNull(agentId)), value);
    });
  }

  /** Revokes every token bound to an agent (the agent was deactivated). */
  public void revokeAgent(Handle h, String workspaceId, String agentId) {
    h.createUpdate("""
            UPDATE tokens SET revoked_at = :at
            WHERE workspace_id = :ws AND agent_id = :agent AND revoked_at IS NULL""")
        .bind("at", clock.instant()).bind("ws", workspaceId).bind("agent", agentId).execute();
  }

  /** Registers a token value chosen by the operator (HOOKDESK_ADMIN_TOKEN), once. */
  String ensure(Handle h, String workspaceId, String value) {
    Optional<String> existing = h.createQuery("SELECT id FROM tokens WHERE token_hash = :hash")
        .bind("hash", hash(value)).mapTo(String.class).findOne();
    return existing.orElseGet(() -> insert(h, workspaceId, Role.ADMIN, "bootstrap", true, value, null));
  }

  private String insert(Handle h, String workspaceId, Role role, String name, boolean owner,
      String value, String agentId) {
    String id = ids.next("tok");
    h.createUpdate("""
            INSERT INTO tokens (id, workspace_id, role, owner, name, token_hash, created_at, agent_id)
            VALUES (:id, :ws, :role, :owner, :name, :hash, :at, :agent)""")
        .bind("id", id).bind("ws", workspaceId).bind("role", role.key()).bind("owner", owner)
        .bind("agent", agentId)
        .bind("name", name).bind("hash", hash(value)).bind("at", clock.instant()).execute();
    return id;
  }

  public Page.Result<Token> list(String workspaceId, Page page) {
    List<Token> rows = jdbi.withHandle(h -> h.createQuery("""
            SELECT id, workspace_id, role, name, owner, agent_id, created_at FROM tokens
            WHERE workspace_id = :ws AND revoked_at IS NULL AND id > :after
            ORDER BY id LIMIT :limit""")
        .bind("ws", workspaceId).bind("after", page.cursor().orElse(""))
        .bind("limit", page.limit() + 1)
        .map((rs, ctx) -> new Token(rs.getString("id"), rs.getString("workspace_id"),
            rs.getString("role"), rs.getString("name"), rs.getBoolean("owner"),
            rs.getString("agent_id"), rs.getTimestamp("created_at").toInstant()))
        .list());
    return Page.Result.of(rows, page.limit(), Token::id);
  }

  public void revoke(String workspaceId, String id, String callerTokenId) {
    if (id.equals(callerTokenId)) {
      throw new Conflict("A token cannot revoke itself; use another admin token");
    }
    int n = jdbi.withHandle(h -> h.createUpdate("""
            UPDATE tokens SET revoked_at = :at
            WHERE id = :id AND workspace_id = :ws AND revoked_at IS NULL AND owner = FALSE""")
        .bind("at", clock.instant()).bind("id", id).bind("ws", workspaceId).execute());
    if (n == 0) throw new NotFound("Token", id);
  }

  static String hash(String secret) {
    return SecretDigest.of(secret);
  }

}

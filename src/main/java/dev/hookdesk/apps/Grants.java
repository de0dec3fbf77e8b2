package dev.hookdesk.apps;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import dev.hookdesk.core.Actor;
import dev.hookdesk.core.DomainException.NotFound;
import dev.hookdesk.core.Ids;
import dev.hookdesk.core.Json;
import dev.hookdesk.core.SecretDigest;
import dev.hookdesk.http.Authenticator;
import dev.hookdesk.http.Principal;
import dev.hookdesk.http.Role;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * What OAuth hands out (SPEC §8): authorization codes (single-use, {@link #CODE_LIFETIME}),
 * access tokens ({@link #ACCESS_LIFETIME}) and refresh tokens that rotate at each use. Only
 * SHA-256 hashes are stored. Access tokens authenticate API calls as the installation.
 */
public final class Grants implements Authenticator {
  static final Duration CODE_LIFETIME = Duration.ofSeconds(60);
  static final Duration ACCESS_LIFETIME = Duration.ofHours(1);
  private static final String ACCESS = "access";
  private static final String REFRESH = "refresh";

  private final Jdbi jdbi;
  private final Ids ids;
  private final Clock clock;
  private final ObjectMapper mapper;
  private final Installations installations;

  /** Tokens issued to an installation. */
  record Issued(String accessToken, String refreshToken, long expiresIn, List<String> scopes) {}

  /** An OAuth refusal, answered as RFC 6749 §5.2 says. */
  static final class Refused extends Exception {
    final ErrorObject error;

    Refused(ErrorObject error, String description) {
      super(description, null, false, false);
      this.error = error.setDescription(description);
    }
  }

  public Grants(Jdbi jdbi, Ids ids, Clock clock, ObjectMapper mapper, Installations installations) {
    this.jdbi = Objects.requireNonNull(jdbi);
    this.ids = Objects.requireNonNull(ids);
    this.clock = Objects.requireNonNull(clock);
    this.mapper = Objects.requireNonNull(mapper);
    this.installations = Objects.requireNonNull(installations);
  }

  String issueCode(App app, String workspaceId, String agentId, String redirectUri,
      List<String> scopes, String challenge) {
    String code = secret("hdc_");
    jdbi.useHandle(h -> h.createUpdate("""
            INSERT INTO oauth_codes (code_hash, app_id, workspace_id, agent_id, redirect_uri, scopes,
              code_challenge, expires_at) VALUES (:hash, :app, :ws, :agent, :uri, :scopes, :challenge, :exp)""")
        .bind("hash", SecretDigest.of(code)).bind("app", app.id()).bind("ws", workspaceId)
        .bind("agent", agentId).bind("uri", redirectUri).bind("scopes", Json.write(mapper, scopes))
        .bind("challenge", challenge).bind("exp", clock.instant().plus(CODE_LIFETIME)).execute());
    return code;
  }

  /**
   * Exchanges a code: the app's own, unused, unexpired, for the same redirect URI, with the
   * verifier of its PKCE challenge. A second use revokes what the first one issued (RFC 6749 §4.1.2).
   */
  Issued exchange(App app, String code, String redirectUri, CodeVerifier verifier) throws Refused {
    record Code(String hash, String appId, String ws, String agent, String uri, String scopes,
        String challenge, Instant expires, Instant used, String installation) {}
    return inTransaction(h -> {
      Optional<Code> found = h.createQuery("SELECT * FROM oauth_codes WHERE code_hash = :hash FOR UPDATE")
          .bind("hash", SecretDigest.of(code))
          .map((rs, ctx) -> new Code(rs.getString("code_hash"), rs.getString("app_id"),
              rs.getString("workspace_id"), rs.getString("agent_id"), rs.getString("redirect_uri"),
              rs.getString("scopes"), rs.getString("code_challenge"),
              rs.getTimestamp("expires_at").toInstant(),
              rs.getTimestamp("used_at") == null ? null : rs.getTimestamp("used_at").toInstant(),
              rs.getString("installation_id"))).findOne();
      if (found.isEmpty() || !found.get().appId().equals(app.id())) {
        throw new Refused(OAuth2Error.INVALID_GRANT, "The authorization code is unknown");
      }
      Code c = found.get();
      if (c.used() != null) {
        if (c.installation() != null) revokeAll(h, c.installation());
        throw new Refused(OAuth2Error.INVALID_GRANT,
            "The authorization code was used already; the tokens issued for it are revoked");
      }
      if (!clock.instant().isBefore(c.expires())) {
        throw new Refused(OAuth2Error.INVALID_GRANT, "The authorization code has expired");
      }
      if (!c.uri().equals(redirectUri)) {
        throw new Refused(OAuth2Error.INVALID_GRANT,
            "redirect_uri differs from the one of the authorization request");
      }
      if (verifier == null || !MessageDigest.isEqual(c.challenge().getBytes(),
          CodeChallenge.compute(CodeChallengeMethod.S256, verifier).getValue().getBytes())) {
        throw new Refused(OAuth2Error.INVALID_GRANT, "code_verifier does not match the code_challenge");
      }
      List<String> scopes = app.scopes().stream().filter(installations.scopesOf(c.scopes())::contains).toList();
      Installation i = installations.install(h, app, c.ws(), scopes, c.agent(),
          new Actor("agent", c.agent(), "console"));
      h.createUpdate("UPDATE oauth_codes SET used_at = :now, installation_id = :ins WHERE code_hash = :hash")
          .bind("now", clock.instant()).bind("ins", i.id()).bind("hash", c.hash()).execute();
      return issue(h, i);
    });
  }

  /** Rotates a refresh token: the one given stops working, a new pair is issued. */
  Issued refresh(App app, String refreshToken) throws Refused {
    return inTransaction(h -> {
      Installation i = holder(h, app, refreshToken, REFRESH).orElseThrow(() -> new Refused(
          OAuth2Error.INVALID_GRANT, "The refresh token is unknown, revoked or not this app's"));
      h.createUpdate("UPDATE oauth_tokens SET revoked_at = :now WHERE token_hash = :hash")
          .bind("now", clock.instant()).bind("hash", SecretDigest.of(refreshToken)).execute();
      return issue(h, i);
    });
  }

  /**
   * RFC 7009: revoking a refresh token uninstalls the app from that workspace; revoking an
   * access token ends that token. Unknown tokens are ignored, as the RFC asks.
   */
  void revoke(App app, String token) {
    jdbi.useTransaction(h -> {
      Optional<Installation> byRefresh = holder(h, app, token, REFRESH);
      if (byRefresh.isPresent()) {
        uninstall(h, byRefresh.get(), new Actor("app", app.id(), app.id()));
        return;
      }
      holder(h, app, token, ACCESS).ifPresent(i -> h.createUpdate(
              "UPDATE oauth_tokens SET revoked_at = :now WHERE token_hash = :hash")
          .bind("now", clock.instant()).bind("hash", SecretDigest.of(token)).execute());
    });
  }

  /** Uninstalls: every token of the installation stops at once. */
  Installation uninstall(Handle h, Installation i, Actor actor) {
    revokeAll(h, i.id());
    return installations.uninstall(h, i, actor);
  }

  /** An admin uninstalls the app from their workspace. */
  Installation uninstall(String workspaceId, String installationId, Actor actor) {
    return jdbi.inTransaction(h -> {
      Installation i = installations.find(h, installationId)
          .filter(x -> x.workspaceId().equals(workspaceId) && x.active())
          .orElseThrow(() -> new NotFound("Installation", installationId));
      return uninstall(h, i, actor);
    });
  }

  /** Deletes an app its workspace publishes: it is uninstalled everywhere first. */
  void deleteApp(Apps apps, String workspaceId, String appId, Actor actor) {
    jdbi.useTransaction(h -> {
      apps.delete(h, workspaceId, appId);
      for (Installation i : installations.ofApp(h, appId)) uninstall(h, i, actor);
    });
  }

  @Override
  public Optional<Principal> authenticate(String token) {
    if (!token.startsWith("hda_") || token.length() > 200) return Optional.empty();
    return jdbi.withHandle(h -> h.createQuery("""
            SELECT t.installation_id FROM oauth_tokens t JOIN app_installations i ON i.id = t.installation_id
            WHERE t.token_hash = :hash AND t.kind = 'access' AND t.revoked_at IS NULL
              AND t.expires_at > :now AND i.uninstalled_at IS NULL""")
        .bind("hash", SecretDigest.of(token)).bind("now", clock.instant())
        .mapTo(String.class).findOne()
        .flatMap(id -> installations.find(h, id)))
        .map(i -> new Principal(i.id(), i.workspaceId(), Role.APP, false, Optional.of(i.appId()),
            Optional.empty(), Optional.of(Set.copyOf(i.scopes()))));
  }

  private Optional<Installation> holder(Handle h, App app, String token, String kind) {
    return h.createQuery("""
            SELECT installation_id FROM oauth_tokens WHERE token_hash = :hash AND kind = :kind
              AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > :now)""")
        .bind("hash", SecretDigest.of(token)).bind("kind", kind).bind("now", clock.instant())
        .mapTo(String.class).findOne().flatMap(id -> installations.find(h, id))
        .filter(i -> i.active() && i.appId().equals(app.id()));
  }

  private Issued issue(Handle h, Installation i) {
    String access = secret("hda_");
    String refresh = secret("hdr_");
    Instant now = clock.instant();
    var insert = h.prepareBatch("""
        INSERT INTO oauth_tokens (token_hash, kind, installation_id, expires_at, created_at)
        VALUES (:hash, :kind, :ins, :exp, :now)""");
    insert.bind("hash", SecretDigest.of(access)).bind("kind", ACCESS).bind("ins", i.id())
        .bind("exp", now.plus(ACCESS_LIFETIME)).bind("now", now).add();
    insert.bind("hash", SecretDigest.of(refresh)).bind("kind", REFRESH).bind("ins", i.id())
        .bind("exp", (Instant) null).bind("now", now).add();
    insert.execute();
    return new Issued(access, refresh, ACCESS_LIFETIME.toSeconds(), i.scopes());
  }

  private void revokeAll(Handle h, String installationId) {
    h.createUpdate("UPDATE oauth_tokens SET revoked_at = :now WHERE installation_id = :ins"
            + " AND revoked_at IS NULL").bind("now", clock.instant()).bind("ins", installationId).execute();
  }

  private String secret(String prefix) {
    return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(ids.randomBytes(32));
  }

  @FunctionalInterface
  private interface Work<T> {
    T run(Handle h) throws Refused;
  }

  /** A transaction whose refusal still commits what it wrote (a reused code's revocation). */
  private <T> T inTransaction(Work<T> work) throws Refused {
    Refused[] refused = new Refused[1];
    T result = jdbi.inTransaction(h -> {
      try {
        return work.run(h);
      } catch (Refused r) {
        refused[0] = r;
        return null;
      }
    });
    if (refused[0] != null) throw refused[0];
    return result;
  }
}

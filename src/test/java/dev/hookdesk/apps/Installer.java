package dev.hookdesk.apps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookdesk.desk.web.DeskClient;
import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.TestNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Registers apps and installs them the way a workspace admin does: signed in, through consent. */
final class Installer {
  static final String PASSWORD = "correct horse battery staple";
  private static final AtomicInteger n = new AtomicInteger();
  private final TestNode node;
  private final Api publisher;
  private final String redirect;

  Installer(TestNode node, Api publisher, String redirect) {
    this.node = node;
    this.publisher = publisher;
    this.redirect = redirect;
  }

  /** A workspace and its admin's token. */
  record Workspace(String id, Api admin) {}

  /** A new workspace, made by the publisher's (the node's first) admin. */
  Workspace newWorkspace(String name) {
    var w = publisher.post("/workspaces", Api.json(Map.of("name", name))).expect(201);
    return new Workspace(w.str("/workspace/id"), publisher.as(w.str("/admin_token")));
  }

  OAuthClient register(String... scopes) {
    var r = publisher.post("/apps", Api.json(Map.of("name", "CRM sync " + n.incrementAndGet(),
        "redirect_uris", List.of(redirect), "scopes", List.of(scopes),
        "homepage_url", "https://crm.example"))).expect(201);
    assertThat(r.str("/id")).startsWith("app_");
    OAuthClient app = new OAuthClient(node.baseUrl(), r.str("/client_id"), r.str("/client_secret"), redirect);
    app.appId = r.str("/id");
    return app;
  }

  /** A workspace admin who signed in with a password, in the workspace of {@code admin}. */
  DeskClient signedInAdmin(Api admin) throws Exception {
    String email = "admin" + n.incrementAndGet() + "@example.com";
    String id = admin.post("/agents", Api.json(Map.of("name", "Admin " + n.get(), "email", email,
        "role", "admin"))).expect(201).str("/id");
    String invite = admin.post("/agents/" + id + "/invitation").expect(201).str("/invite_url");
    DeskClient b = new DeskClient(node.baseUrl());
    assertThat(b.choose(invite, PASSWORD).statusCode()).isEqualTo(303);
    return b;
  }

  /** Installs the app as this admin; answers the token response. */
  OAuthClient.Answer install(OAuthClient app, DeskClient admin, String scope) throws Exception {
    String verifier = OAuthClient.verifier();
    var redirected = OAuthClient.decide(admin, app.authorizePath(scope, "st-1", verifier), "allow");
    assertThat(redirected.statusCode()).isEqualTo(303);
    String location = redirected.headers().firstValue("location").orElseThrow();
    assertThat(location).startsWith(redirect + "?");
    var q = OAuthClient.query(location);
    assertThat(q.get("state")).isEqualTo("st-1");
    var tokens = app.exchange(q.get("code"), verifier);
    assertThat(tokens.status()).as(tokens.raw().body()).isEqualTo(200);
    return tokens;
  }
}

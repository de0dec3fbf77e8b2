package dev.hookdesk.people;

import dev.hookdesk.config.PublicUrl;
import dev.hookdesk.http.Access;
import dev.hookdesk.http.Call;
import dev.hookdesk.http.JsonBody;
import dev.hookdesk.http.Router;
import dev.hookdesk.http.Routes;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * {@code POST /agents/{id}/invitation} (admins) → {@code {invite_url, expires_at}}. The link is
 * built from the node's public URL, never from the request's Host header, and is shown once.
 */
public final class InvitationRoutes implements Routes {
  private final People people;
  private final Supplier<PublicUrl> publicUrl;

  public InvitationRoutes(People people, Supplier<PublicUrl> publicUrl) {
    this.people = Objects.requireNonNull(people);
    this.publicUrl = Objects.requireNonNull(publicUrl);
  }

  @Override
  public void register(Router r) {
    r.post("/agents/{id}/invitation", Access.ADMIN, this::invite);
  }

  private void invite(Call c) {
    JsonBody b = c.body();
    b.raw().fieldNames().forEachRemaining(f -> b.error(f, "an invitation takes no body"));
    b.done();
    People.Invitation i = people.invite(c.workspaceId(), c.path("id"));
    c.created(Map.of("agent_id", c.path("id"),
        "invite_url", i.url(publicUrl.get()),
        "expires_at", i.expiresAt()));
  }
}

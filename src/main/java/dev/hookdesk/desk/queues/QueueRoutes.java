package dev.hookdesk.desk.queues;

import dev.hookdesk.http.Access;
import dev.hookdesk.http.Call;
import dev.hookdesk.http.JsonBody;
import dev.hookdesk.http.Router;
import dev.hookdesk.http.Routes;
import java.util.Objects;

/** {@code /queues}: create, list, read, rename and delete ticket queues. */
public final class QueueRoutes implements Routes {
  private final QueueService queues;

  public QueueRoutes(QueueService queues) {
    this.queues = Objects.requireNonNull(queues);
  }

  @Override
  public void register(Router r) {
    r.post("/queues", Access.ADMIN, this::create);
    r.get("/queues", Access.DESK, c -> c.ok(queues.list(c.workspaceId(), c.page())));
    r.get("/queues/{id}", Access.DESK, c -> c.ok(queues.get(c.workspaceId(), c.path("id"))));
    r.patch("/queues/{id}", Access.ADMIN, c -> {
      JsonBody b = c.body().allow("name");
      String name = b.string("name", 200);
      b.done();
      c.ok(queues.rename(c.workspaceId(), c.path("id"), name));
    });
    r.delete("/queues/{id}", Access.ADMIN, c -> {
      queues.delete(c.workspaceId(), c.path("id"));
      c.noContent();
    });
  }

  private void create(Call c) {
    JsonBody b = c.body().allow("name");
    String name = b.string("name", 200);
    b.done();
    c.created(queues.create(c.workspaceId(), name));
  }
}

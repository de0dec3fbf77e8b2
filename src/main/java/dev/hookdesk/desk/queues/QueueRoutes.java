package dev.hookdesk.desk.queues;

import dev.hookdesk.http.Access;
import dev.hookdesk.http.Call;
import dev.hookdesk.http.JsonBody;
import dev.hookdesk.http.Router;
import dev.hookdesk.http.Routes;
import java.util.Objects;

/** {@code /queues}: create, list and read ticket queues. */
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
  }

  private void create(Call c) {
    JsonBody b = c.body().allow("name");
    String name = b.string("name", 200);
    b.done();
    c.created(queues.create(c.workspaceId(), name));
  }
}

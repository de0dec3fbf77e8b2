package dev.hookdesk.inspector;

import java.time.Instant;
import java.util.Objects;

/** A bin: requests sent to {@code /inspect/{id}} land in it. */
record Bin(String id, String workspaceId, String name, Instant createdAt) {
  Bin {
    Objects.requireNonNull(id);
    Objects.requireNonNull(workspaceId);
    Objects.requireNonNull(name);
    Objects.requireNonNull(createdAt);
  }

  String capturePath() {
    return CaptureRoutes.PATH_PREFIX + id;
  }
}

package dev.hookdesk.workspaces;

import java.time.Instant;

/** An API token as listed: never the secret value, which is shown once at creation. */
public record Token(String id, String workspaceId, String role, String name, boolean owner,
    Instant createdAt) {}

package dev.hookdesk.workspaces;

import java.time.Instant;

/**
 * An API token as listed: never the secret value, which is shown once at creation.
 *
 * @param agentId the agent the token acts for, or null
 */
public record Token(String id, String workspaceId, String role, String name, boolean owner,
    String agentId, Instant createdAt) {}

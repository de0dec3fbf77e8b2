package dev.hookdesk.workspaces;

import java.time.Instant;

public record Workspace(String id, String name, Instant createdAt) {}

package dev.hookdesk.desk.sources;

import java.time.Instant;
import java.util.List;

/**
 * A chat source such as {@code website} or {@code mobile_app}; {@code allowedOrigins} are the
 * sites that may embed the chat widget for it (SPEC §10).
 */
public record Source(String key, String name, List<String> allowedOrigins, Instant createdAt) {}

package dev.hookdesk.desk.sources;

import java.time.Instant;

/** A chat source such as {@code website} or {@code mobile_app}. */
public record Source(String key, String name, Instant createdAt) {}

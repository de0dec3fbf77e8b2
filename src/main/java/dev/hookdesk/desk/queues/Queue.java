package dev.hookdesk.desk.queues;

import java.time.Instant;

/** A queue snapshot as the API shows it. */
public record Queue(String id, String name, Instant createdAt) {}

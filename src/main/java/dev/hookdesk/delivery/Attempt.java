package dev.hookdesk.delivery;

import java.time.Instant;
import java.util.Map;

/**
 * One request of a delivery and what came back. Bodies are null once older than the
 * attempt retention ({@code bodies_pruned}).
 *
 * @param responseStatus null when no response arrived ({@code error} says why)
 */
public record Attempt(String id, int attempt, String url, Instant startedAt, long durationMs,
    String outcome, Map<String, String> requestHeaders, String requestBody, Integer responseStatus,
    Map<String, String> responseHeaders, String responseBody, String error, boolean bodiesPruned) {}

package dev.hookdesk.delivery;

import java.time.Instant;

/** A delivery this node holds the lease on, with what it needs to send it. */
record Claimed(String deliveryId, String webhookId, String workspaceId, String eventId,
    Instant eventAt, int attemptNumber, boolean manual, String eventBody, String eventSource) {}

package dev.hookdesk.delivery;

import dev.hookdesk.events.Event;

/** One queued call of a bot agent about an event of a chat it takes part in (SPEC §6). */
public record BotCall(String deliveryId, String workspaceId, String agentId, String chatId,
    Event event) {}

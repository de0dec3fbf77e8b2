package dev.hookdesk.desk.chats;

import java.time.Instant;

/** A message in a chat; {@code authorType} contact|agent|bot|system. */
public record ChatMessage(String id, String chatId, String authorType, String authorId,
    String text, Instant createdAt) {}

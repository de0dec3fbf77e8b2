package dev.hookdesk.webhooks;

import java.util.List;
import java.util.Objects;

/**
 * What an integration app's webhook is for and what it lets through (SPEC §8), kept in
 * {@code webhooks.app_filters}.
 *
 * @param type {@code workspace}: the events of every workspace that installed the app;
 *     {@code bot}: the chat events of the app's bot agents
 * @param authorTypes message events only from these authors; empty: every author
 * @param sources events of chats from these sources only; empty: every source
 * @param onlyMyChats chat events only of chats one of the app's bots takes part in
 */
public record AppFilters(String type, List<String> authorTypes, List<String> sources,
    boolean onlyMyChats) {
  public static final String WORKSPACE = "workspace";
  public static final String BOT = "bot";
  public static final List<String> TYPES = List.of(WORKSPACE, BOT);
  public static final List<String> AUTHOR_TYPES = List.of("contact", "agent", "bot", "system");

  public AppFilters {
    Objects.requireNonNull(type);
    authorTypes = List.copyOf(authorTypes);
    sources = List.copyOf(sources);
  }

  public boolean isBot() {
    return BOT.equals(type);
  }
}

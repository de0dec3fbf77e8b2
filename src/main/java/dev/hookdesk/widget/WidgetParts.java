package dev.hookdesk.widget;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookdesk.core.Ids;
import dev.hookdesk.desk.chats.ChatActions;
import dev.hookdesk.desk.chats.ChatEnding;
import dev.hookdesk.desk.chats.ChatService;
import dev.hookdesk.desk.contacts.ContactService;
import dev.hookdesk.desk.sources.SourceIdentity;
import dev.hookdesk.desk.sources.SourceService;
import dev.hookdesk.live.LiveEvents;
import java.time.Clock;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/** What the widget is built from; {@code ownOrigin} is this node's public origin (its demo page's). */
public record WidgetParts(Jdbi jdbi, Ids ids, Clock clock, ObjectMapper mapper, ChatService chats,
    ChatActions chatActions, ChatEnding chatEnding, ContactService contacts, SourceService sources, SourceIdentity identity, LiveEvents live,
    Supplier<String> ownOrigin) {}

package dev.hookdesk.desk.web.chats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookdesk.desk.web.DeskChrome;
import java.util.List;
import java.util.Map;

/** The models of the chat console's templates (src/main/jte/desk/chat*.jte). */
public final class ChatViews {
  private ChatViews() {}

  /**
   * desk/chats.jte: the whole console; {@code open} is null when no chat is open.
   *
   * @param stream the live stream's URL, resuming after the events the page already shows
   */
  public record Console(DeskChrome chrome, Status status, Lists lists, Open open, String stream) {}

  /** desk/chat_status.jte: the agent's status control. */
  public record Status(String csrf, String current, String error) {
    public static final List<String> CHOICES = List.of("online", "away", "offline");

    public String label(String status) {
      return Character.toUpperCase(status.charAt(0)) + status.substring(1);
    }

    public String pressed(String status) {
      return String.valueOf(status.equals(current));
    }
  }

  /** desk/chat_lists.jte: invitations to the agent, their chats, and the waiting ones. */
  public record Lists(List<Item> invitations, List<Item> mine, List<Item> waiting, String openId) {
    public String current(String id) {
      return id.equals(openId) ? "page" : null;
    }
  }

  /** A chat in a list. */
  public record Item(String id, String visitor, String source, String status, String since) {}

  /** The open chat: its conversation, the message box and the panel. */
  public record Open(String id, String title, List<Line> lines, Compose compose, Panel panel) {}

  /** desk/chat_compose.jte: the "Message" box; {@code text} is kept when sending failed. */
  public record Compose(String csrf, String chatId, boolean open, String text, String error) {}

  /** desk/chat_line.jte: one message of the conversation. */
  public record Line(String id, String from, String author, String text, String time) {

    /** From a message and the chat snapshot it was sent in, both as the API shows them. */
    static Line of(JsonNode m, JsonNode chat) {
      String type = m.path("author_type").asText();
      String authorId = m.path("author_id").asText("");
      String author = switch (type) {
        case "contact" -> chat.path("creator").path("name").asText("Visitor");
        case "system" -> "Hookdesk";
        default -> nameOf(chat.path("all_participants"), authorId);
      };
      return new Line(m.path("id").asText(), type, author, m.path("text").asText(),
          m.path("created_at").asText());
    }

    private static String nameOf(JsonNode agents, String id) {
      for (JsonNode a : agents) {
        if (id.equals(a.path("id").asText())) return a.path("name").asText(id);
      }
      return id;
    }
  }

  /**
   * desk/chat_panel.jte: who is in the chat, the actions the agent may take, and the visitor.
   *
   * @param invitation the agent's pending invitation to this chat, or null
   * @param errors a message per control ("invite", "invitation", "join", "leave", "close")
   */
  public record Panel(String csrf, String chatId, String status, boolean ended, boolean inChat,
      List<String> participants, List<String> invited, String invitation, List<Option> invitable,
      Visitor visitor, String note, Map<String, String> errors) {

    public String error(String control) {
      return errors.get(control);
    }
  }

  /** An agent who may be invited. */
  public record Option(String id, String name) {}

  /** The visitor's details and their other chats. */
  public record Visitor(String name, String email, String phone, String source, List<Item> previous) {}
}

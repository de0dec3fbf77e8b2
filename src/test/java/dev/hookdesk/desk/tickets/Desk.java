package dev.hookdesk.desk.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookdesk.testing.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What ticket tests set up through the API, and how they read the event log. */
final class Desk {
  private final Api api;

  Desk(Api api) {
    this.api = api;
  }

  String agent(String name) {
    return api.post("/agents", Api.json(Map.of("name", name))).expect(201).str("/id");
  }

  String contact(String name, String email) {
    return api.post("/contacts", Api.json(Map.of("name", name, "email", email))).expect(201).str("/id");
  }

  String team(String name, List<String> agentIds) {
    return api.post("/teams", Api.json(Map.of("name", name, "agent_ids", agentIds))).expect(201).str("/id");
  }

  String queue(String name) {
    return api.post("/queues", Api.json(Map.of("name", name))).expect(201).str("/id");
  }

  /** Opens a ticket for an existing contact and answers its snapshot. */
  JsonNode ticket(String requesterId) {
    return api.post("/tickets", Api.json(Map.of("subject", "Parcel arrived damaged",
        "body", "The kettle lid is cracked.", "requester_id", requesterId))).expect(201).json();
  }

  String ticketId(String requesterId) {
    return ticket(requesterId).get("id").asText();
  }

  JsonNode get(String ticketId) {
    return api.get("/tickets/" + ticketId).expect(200).json();
  }

  /** The sequence of the latest event of the workspace (0 when there is none). */
  long head() {
    long after = 0;
    while (true) {
      JsonNode page = api.get("/events?limit=500&after=" + after).expect(200).json();
      JsonNode data = page.get("data");
      if (data.isEmpty()) return after;
      after = data.get(data.size() - 1).get("sequence").asLong();
      if (page.get("next_cursor").isNull()) return after;
    }
  }

  /** The events appended after a sequence, in order. */
  List<JsonNode> since(long sequence) {
    List<JsonNode> out = new ArrayList<>();
    api.get("/events?limit=500&after=" + sequence).expect(200).json().get("data").forEach(out::add);
    return out;
  }

  List<String> typesSince(long sequence) {
    return since(sequence).stream().map(e -> e.get("type").asText()).toList();
  }

  /** The one event of this type after the sequence; fails if there is not exactly one. */
  JsonNode only(long sequence, String type) {
    List<JsonNode> matching = since(sequence).stream()
        .filter(e -> e.get("type").asText().equals(type)).toList();
    assertThat(matching).as("events of type %s", type).hasSize(1);
    return matching.get(0);
  }
}

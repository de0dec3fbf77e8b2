package dev.hookdesk.docs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookdesk.events.catalog.EventCatalog;
import dev.hookdesk.events.catalog.EventType;

/**
 * The AsyncAPI 3.0 document, made from the catalog: one message per event type (payload: the
 * envelope with that type's data; headers: the Standard Webhooks ones), all on one channel,
 * the receiver's URL, which Hookdesk sends to.
 */
final class AsyncApi {
  private AsyncApi() {}

  static ObjectNode document(ObjectMapper mapper, EventCatalog catalog) {
    ObjectNode doc = mapper.createObjectNode();
    doc.put("asyncapi", "3.0.0");
    ObjectNode info = doc.putObject("info");
    info.put("title", "Hookdesk webhooks");
    info.put("version", "v1");
    info.put("description", "Every event a Hookdesk node sends to webhook receivers: an HTTP POST "
        + "of the event envelope as JSON, signed as Standard Webhooks with the webhook's secret. "
        + "Register a receiver with POST /api/v1/webhooks; see /api/v1/openapi.json.");
    doc.put("defaultContentType", "application/json");

    ObjectNode components = doc.putObject("components");
    ObjectNode schemas = components.putObject("schemas");
    CatalogSchemas.of(catalog).forEach(schemas::set);
    ObjectNode headers = schemas.putObject("webhook_headers");
    headers.put("type", "object");
    var required = headers.putArray("required");
    ObjectNode hp = headers.putObject("properties");
    for (WebhookHeaders h : WebhookHeaders.ALL) {
      required.add(h.name());
      hp.putObject(h.name()).put("type", "string").put("description", h.description());
    }
    components.putObject("messageTraits").putObject("signed")
        .putObject("headers").put("$ref", "#/components/schemas/webhook_headers");

    ObjectNode messages = components.putObject("messages");
    ObjectNode channel = doc.putObject("channels").putObject("receiver");
    channel.put("address", "{webhook_url}");
    channel.put("description", "The URL of a registered webhook (a receiver you run).");
    channel.putObject("parameters").putObject("webhook_url")
        .put("description", "The webhook's url");
    ObjectNode channelMessages = channel.putObject("messages");
    ObjectNode send = doc.putObject("operations").putObject("sendEvent");
    send.put("action", "send");
    send.put("summary", "Hookdesk POSTs each event a webhook subscribes to; a 2xx answer is received, "
        + "anything else is retried");
    send.putObject("channel").put("$ref", "#/channels/receiver");
    var sendMessages = send.putArray("messages");
    for (EventType t : catalog.all()) {
      String key = t.type().replace('.', '_');
      ObjectNode m = messages.putObject(key);
      m.put("name", t.type());
      m.put("title", t.type());
      m.put("summary", t.description());
      m.put("contentType", "application/json");
      m.putArray("traits").addObject().put("$ref", "#/components/messageTraits/signed");
      m.putObject("payload").put("$ref", "#/components/schemas/" + CatalogSchemas.eventName(t.type()));
      m.putArray("examples").addObject().put("name", "sample").set("payload", t.sample());
      channelMessages.putObject(key).put("$ref", "#/components/messages/" + key);
      sendMessages.addObject().put("$ref", "#/channels/receiver/messages/" + key);
    }
    return doc;
  }
}

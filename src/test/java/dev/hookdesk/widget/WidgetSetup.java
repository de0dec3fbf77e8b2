package dev.hookdesk.widget;

import dev.hookdesk.testing.Api;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** A workspace set up for the widget: a source that lets a site embed it, and an online agent. */
final class WidgetSetup {
  private WidgetSetup() {}

  /** The source with its allowed origin, and a human agent online; returns the agent's id. */
  static String site(Api admin, String source, String origin) {
    source(admin, source, origin);
    return admin.post("/agents", Api.json(Map.of("name", "Ada Agent", "status", "online", "max_chats", 50)))
        .expect(201).str("/id");
  }

  static void source(Api admin, String source, String origin) {
    admin.post("/sources", Api.json(Map.of("key", source, "name", source))).expect(201);
    admin.patch("/sources/" + source, Api.json(Map.of("allowed_origins", List.of(origin)))).expect(200);
  }

  static String hmacHex(String secret, String message) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
  }
}

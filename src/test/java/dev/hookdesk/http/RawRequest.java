package dev.hookdesk.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookdesk.testing.Api;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Requests the {@link Api} client cannot make: raw body bytes, any header, any URL text. */
final class RawRequest {
  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();

  private RawRequest() {}

  /** Sends {@code body} bytes as they are to {@code base + path} with these headers. */
  static Api.Res send(String method, String url, String token, Map<String, String> headers,
      byte[] body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
    if (token != null) b.header("Authorization", "Bearer " + token);
    headers.forEach(b::header);
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofByteArray(body));
    HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    JsonNode json = null;
    try {
      json = r.body().isBlank() ? null : new ObjectMapper().readTree(r.body());
    } catch (Exception notJson) {
      // an HTML page or plain text: the caller looks at text()
    }
    return new Api.Res(r.statusCode(), r.headers(), r.body(), json);
  }

  static Api.Res json(Api api, String method, String path, byte[] body) throws Exception {
    return send(method, api.base() + "/api/v1" + path, api.token(),
        Map.of("Content-Type", "application/json"), body);
  }
}

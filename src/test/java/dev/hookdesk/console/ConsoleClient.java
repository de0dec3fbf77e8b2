package dev.hookdesk.console;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A cookie-keeping console client that does not follow redirects, so each answer can be checked. */
final class ConsoleClient {
  final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
  final String base;
  String csrf;

  ConsoleClient(String base) {
    this.base = base;
  }

  HttpResponse<String> get(String path) throws Exception {
    var r = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
        HttpResponse.BodyHandlers.ofString());
    Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(r.body());
    if (m.find()) csrf = m.group(1);
    return r;
  }

  HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
    String body = form.entrySet().stream().map(e -> e.getKey() + "="
        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    return http.send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> signIn(String token) throws Exception {
    get("/console");
    return post("/console/signin", Map.of("_csrf", csrf, "token", token));
  }

  /** Creates an inspector bin and answers its id. */
  String createBin(String name) throws Exception {
    get("/console/inspector");
    var created = post("/console/inspector/bins", Map.of("_csrf", csrf, "name", name));
    String location = created.headers().firstValue("location").orElseThrow();
    return location.substring(location.lastIndexOf('/') + 1);
  }
}

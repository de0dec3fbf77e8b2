package dev.hookdesk.desk.web;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser as plain HTTP: keeps cookies in a map the test can read and replay (an old session
 * cookie), remembers the last form's CSRF token, and never follows redirects.
 */
public final class DeskClient {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  final String base;
  final Map<String, String> cookies = new LinkedHashMap<>();
  public String csrf;

  public DeskClient(String base) {
    this.base = base;
  }

  public HttpResponse<String> get(String path) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  public HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
    String body = form.entrySet().stream().map(e -> e.getKey() + "="
        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    return send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** Opens the sign-in page and signs in with email and password. */
  public HttpResponse<String> signIn(String email, String password) throws Exception {
    get("/sign-in");
    return post("/sign-in", Map.of("_csrf", csrf, "email", email, "password", password));
  }

  /** Opens an invitation link and chooses a password (typed twice). */
  public HttpResponse<String> choose(String inviteUrl, String password) throws Exception {
    String path = URI.create(inviteUrl).getPath();
    get(path);
    return post(path, Map.of("_csrf", csrf == null ? "" : csrf, "password", password, "repeat", password));
  }

  String sessionCookie() {
    return cookies.get("hookdesk_session");
  }

  HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
    if (!cookies.isEmpty()) {
      b.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
          .collect(Collectors.joining("; ")));
    }
    var r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    for (String c : r.headers().allValues("set-cookie")) {
      String pair = c.split(";", 2)[0];
      String name = pair.substring(0, pair.indexOf('='));
      String value = pair.substring(pair.indexOf('=') + 1);
      if (value.isEmpty() || c.contains("Max-Age=0")) cookies.remove(name); else cookies.put(name, value);
    }
    Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(r.body());
    if (m.find()) csrf = m.group(1);
    return r;
  }
}

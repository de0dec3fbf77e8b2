package dev.hookdesk.apps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookdesk.desk.web.DeskClient;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An app's side of OAuth as a third-party client would write it with plain HTTP and the JDK
 * (not the server's library): PKCE pair, authorize URL, form-encoded token requests.
 */
final class OAuthClient {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();
  final String base;
  final String clientId;
  final String clientSecret;
  final String redirectUri;
  /** The app's id, when the test registered it. */
  String appId;

  OAuthClient(String base, String clientId, String clientSecret, String redirectUri) {
    this.base = base;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.redirectUri = redirectUri;
  }

  record Answer(int status, JsonNode json, HttpResponse<String> raw) {
    String str(String pointer) {
      return json.at(pointer).asText();
    }
  }

  static String verifier() {
    byte[] b = new byte[32];
    new SecureRandom().nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  static String challenge(String verifier) throws Exception {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(
        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
  }

  String authorizePath(String scope, String state, String verifier) throws Exception {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("response_type", "code");
    q.put("client_id", clientId);
    q.put("redirect_uri", redirectUri);
    q.put("scope", scope);
    q.put("state", state);
    q.put("code_challenge", challenge(verifier));
    q.put("code_challenge_method", "S256");
    return "/oauth/authorize?" + form(q);
  }

  /** Signed-in admin opens the consent page and presses a button; answers the redirect. */
  static HttpResponse<String> decide(DeskClient browser, String authorizePath, String decision) throws Exception {
    var page = browser.get(authorizePath);
    if (page.statusCode() != 200) throw new AssertionError(page.statusCode() + " " + page.body());
    Map<String, String> fields = new LinkedHashMap<>();
    var m = java.util.regex.Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">")
        .matcher(page.body());
    while (m.find()) fields.put(m.group(1), unescape(m.group(2)));
    fields.put("decision", decision);
    return browser.post("/oauth/authorize", fields);
  }

  static Map<String, String> query(String location) {
    Map<String, String> out = new LinkedHashMap<>();
    String q = URI.create(location).getRawQuery();
    if (q == null) return out;
    for (String p : q.split("&")) {
      String[] kv = p.split("=", 2);
      out.put(kv[0], java.net.URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8));
    }
    return out;
  }

  Answer exchange(String code, String verifier) throws Exception {
    return token(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", redirectUri,
        "code_verifier", verifier), true);
  }

  Answer refresh(String refreshToken) throws Exception {
    return token(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken), false);
  }

  /** A token request, client_secret_basic or client_secret_post. */
  Answer token(Map<String, String> params, boolean basic) throws Exception {
    return post("/oauth/token", params, basic, clientSecret);
  }

  Answer post(String path, Map<String, String> params, boolean basic, String secret) throws Exception {
    Map<String, String> body = new LinkedHashMap<>(params);
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/x-www-form-urlencoded");
    if (basic) {
      b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((enc(clientId) + ":"
          + enc(secret)).getBytes(StandardCharsets.UTF_8)));
    } else {
      body.put("client_id", clientId);
      body.put("client_secret", secret);
    }
    var r = HTTP.send(b.POST(HttpRequest.BodyPublishers.ofString(form(body))).build(),
        HttpResponse.BodyHandlers.ofString());
    return new Answer(r.statusCode(), r.body().isBlank() ? null : JSON.readTree(r.body()), r);
  }

  private static String form(Map<String, String> m) {
    return m.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String unescape(String html) {
    return html.replace("&#34;", "\"").replace("&quot;", "\"").replace("&#39;", "'")
        .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }
}

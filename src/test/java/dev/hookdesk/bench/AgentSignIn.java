package dev.hookdesk.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Agents signing in as a browser does: the form's CSRF cookie and token, then {@code 303} with
 * the session cookie. Either the invitation link (choosing a password) or {@code /sign-in}.
 */
final class AgentSignIn {
  static final String PASSWORD = "bench password that is long enough";
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private AgentSignIn() {}

  /** Opens the agent's invitation link on {@code port} and chooses {@link #PASSWORD}; returns the session cookie. */
  static String invited(BenchNode admin, int port, String agentId) {
    String invite = admin.api.post("/agents/" + agentId + "/invitation").expect(201).str("/invite_url");
    String path = URI.create(invite).getPath();
    return submit(port, path, "password=" + enc(PASSWORD) + "&repeat=" + enc(PASSWORD));
  }

  /** Signs in at {@code /sign-in} with the email and {@link #PASSWORD}: a session of its own (another browser). */
  static String signIn(int port, String email) {
    return submit(port, "/sign-in", "email=" + enc(email) + "&password=" + enc(PASSWORD));
  }

  private static String submit(int port, String path, String fields) {
    try (LoadClient anonymous = LoadClient.withCookie(port, "")) {
      Http1.Message form = anonymous.get(path);
      Matcher csrf = CSRF.matcher(new String(form.body(), StandardCharsets.UTF_8));
      if (!csrf.find()) throw new IllegalStateException("no form on " + path + ": " + form.startLine());
      try (LoadClient withForm = LoadClient.withCookie(port, cookie(form))) {
        Http1.Message sent = withForm.exchange("POST", path, "application/x-www-form-urlencoded", "",
            "_csrf=" + enc(csrf.group(1)) + "&" + fields);
        if (!sent.startLine().contains(" 303 ")) {
          throw new IllegalStateException("POST " + path + " answered " + sent.startLine());
        }
        return cookie(sent);
      }
    }
  }

  /** The cookie an answer sets, the session's if it sets one (name=value). */
  private static String cookie(Http1.Message m) {
    String found = "";
    for (String set : m.headers().getOrDefault("set-cookie", "").split("\n")) {
      String pair = set.split(";", 2)[0];
      if (pair.startsWith("hookdesk_session=") || found.isEmpty()) found = pair;
    }
    return found;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}

package dev.hookdesk.apps;

import dev.hookdesk.http.JsonBody;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/** Reads and checks the body of {@code POST /apps} and {@code PATCH /apps/{id}}. */
final class AppForm {
  static final String[] FIELDS = {"name", "redirect_uris", "scopes", "description", "homepage_url"};

  /** The fields of an app; on a patch, those absent are null. */
  record Draft(String name, List<String> redirectUris, List<String> scopes, String description,
      String homepageUrl) {}

  private AppForm() {}

  static Draft read(JsonBody b, boolean create) {
    b.allow(FIELDS);
    String name = create || b.has("name") ? b.string("name", 200) : null;
    List<String> uris = create || b.has("redirect_uris") ? redirectUris(b) : null;
    List<String> scopes = create || b.has("scopes") ? scopes(b) : null;
    String description = b.optString("description", 1000).orElse(null);
    String homepage = b.optString("homepage_url", 2048).orElse(null);
    if (homepage != null && !webUrl(homepage)) {
      b.error("homepage_url", "must be an absolute http(s) URL");
    }
    b.done();
    return new Draft(name, uris, scopes, description, homepage);
  }

  private static List<String> redirectUris(JsonBody b) {
    List<String> uris = b.stringList("redirect_uris", 20, 2048);
    if (uris.isEmpty() && !b.hasError("redirect_uris")) b.error("redirect_uris", "needs at least one URI");
    for (int i = 0; i < uris.size(); i++) {
      String field = "redirect_uris[" + i + "]";
      redirectProblem(uris.get(i)).ifPresent(message -> b.error(field, message));
    }
    return uris;
  }

  /**
   * RFC 6749 §3.1.2: absolute, no fragment; https, except plain http to a loopback address for
   * apps that run on the user's machine (RFC 8252 §7.3).
   */
  static Optional<String> redirectProblem(String value) {
    URI uri;
    try {
      uri = new URI(value);
    } catch (java.net.URISyntaxException e) {
      return Optional.of("'" + value + "' is not a URI");
    }
    if (!uri.isAbsolute() || uri.getHost() == null) return Optional.of("'" + value + "' must be an absolute URI");
    if (uri.getRawFragment() != null) return Optional.of("'" + value + "' must not have a fragment");
    String scheme = uri.getScheme().toLowerCase();
    if (scheme.equals("https")) return Optional.empty();
    if (scheme.equals("http") && loopback(uri.getHost())) return Optional.empty();
    return Optional.of("'" + value + "' must be https (http only for a loopback address)");
  }

  private static boolean loopback(String host) {
    if (host.equalsIgnoreCase("localhost")) return true;
    String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (!h.matches("[0-9.]+|[0-9a-fA-F:]+")) return false;
    try {
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  private static List<String> scopes(JsonBody b) {
    List<String> scopes = b.stringList("scopes", Scopes.ALL.size(), 40);
    if (scopes.isEmpty() && !b.hasError("scopes")) b.error("scopes", "needs at least one scope");
    for (String s : scopes) {
      if (!Scopes.ALL.contains(s)) {
        b.error("scopes", "'" + s + "' is not a scope; use " + String.join(", ", Scopes.ALL));
      }
    }
    return scopes.stream().distinct().toList();
  }

  private static boolean webUrl(String value) {
    try {
      URI u = new URI(value);
      return u.isAbsolute() && u.getHost() != null
          && (u.getScheme().equalsIgnoreCase("https") || u.getScheme().equalsIgnoreCase("http"));
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }
}

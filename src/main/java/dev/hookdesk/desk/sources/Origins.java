package dev.hookdesk.desk.sources;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** Web origins as browsers send them in {@code Origin}: {@code scheme://host[:port]}, nothing else. */
public final class Origins {
  private Origins() {}

  /** The origin of an http(s) URL (its path dropped), e.g. this node's public URL. */
  public static Optional<String> ofUrl(String url) {
    try {
      URI u = new URI(url);
      return normalize(new URI(u.getScheme(), null, u.getHost(), u.getPort(), null, null, null).toString());
    } catch (URISyntaxException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The origin in the form browsers send, or empty when the text is not an http(s) origin. */
  public static Optional<String> normalize(String text) {
    try {
      URI u = new URI(text);
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      boolean bare = (u.getRawPath() == null || u.getRawPath().isEmpty())
          && u.getRawQuery() == null && u.getRawFragment() == null && u.getRawUserInfo() == null;
      if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null || !bare) {
        return Optional.empty();
      }
      int port = u.getPort();
      boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80)
          || (scheme.equals("https") && port == 443);
      return Optional.of(scheme + "://" + u.getHost().toLowerCase(Locale.ROOT)
          + (defaultPort ? "" : ":" + port));
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }
}

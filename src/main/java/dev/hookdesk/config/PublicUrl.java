package dev.hookdesk.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * The URL people, visitors and apps reach this node at (SPEC §1, {@code HOOKDESK_PUBLIC_URL}).
 * Every link the node hands out is built here, never from a request's {@code Host} header,
 * which the caller chooses.
 */
public final class PublicUrl {
  private final String base;

  private PublicUrl(String base) {
    this.base = base;
  }

  /** An absolute http(s) URL without user info, query or fragment; a trailing slash is dropped. */
  public static PublicUrl parse(String raw) {
    Objects.requireNonNull(raw);
    String why = problem(raw);
    if (why != null) {
      throw new ConfigException(HookdeskConfig.PUBLIC_URL, "'" + raw + "' is not " + why
          + "; write it like https://desk.example.com");
    }
    String trimmed = raw;
    while (trimmed.endsWith("/")) trimmed = trimmed.substring(0, trimmed.length() - 1);
    return new PublicUrl(trimmed);
  }

  /** The default when no public URL is set: this machine, on the port the node listens on. */
  public static PublicUrl localhost(int port) {
    return new PublicUrl("http://localhost:" + port);
  }

  /** The absolute URL of a path on this node, e.g. {@code resolve("/inspect/bin_…")}. */
  public String resolve(String path) {
    Objects.requireNonNull(path);
    return base + (path.startsWith("/") ? path : "/" + path);
  }

  @Override
  public String toString() {
    return base;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PublicUrl p && p.base.equals(base);
  }

  @Override
  public int hashCode() {
    return base.hashCode();
  }

  private static String problem(String raw) {
    URI uri;
    try {
      uri = new URI(raw);
    } catch (URISyntaxException e) {
      return "a valid URL";
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
      return "an absolute http:// or https:// URL";
    }
    if (uri.getHost() == null) return "a URL with a host name";
    if (uri.getRawUserInfo() != null) return "a URL without user name or password";
    if (uri.getRawQuery() != null || raw.contains("?")) return "a URL without a query (?…)";
    if (uri.getRawFragment() != null || raw.contains("#")) return "a URL without a fragment (#…)";
    return null;
  }
}

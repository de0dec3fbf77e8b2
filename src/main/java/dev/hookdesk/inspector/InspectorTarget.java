package dev.hookdesk.inspector;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises this node's own inspector capture URL, so the webhook sender can deliver to it
 * although the egress guard refuses loopback addresses: the exception covers exactly
 * {@code http(s)://127.0.0.1|localhost|[::1]:<this node's port>/inspect/bin_…}, nothing else
 * on loopback.
 */
public final class InspectorTarget {
  private static final Pattern LOOPBACK_V4 = Pattern.compile("127(\\.\\d{1,3}){3}");
  private static final Pattern PATH = Pattern.compile("/inspect/bin_[0-9a-z]{26}/?");

  private InspectorTarget() {}

  public static boolean isOwnCapture(URI url, int nodePort) {
    if (url == null || url.getHost() == null || url.getRawUserInfo() != null) return false;
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    int port = url.getPort() != -1 ? url.getPort() : scheme.equals("https") ? 443 : 80;
    // every webhook request asks: the port rules out all but this node's own URLs cheaply
    if (port != nodePort || !(scheme.equals("http") || scheme.equals("https"))) return false;
    String host = url.getHost().toLowerCase(Locale.ROOT);
    boolean loopback = host.equals("localhost") || host.equals("[::1]") || host.equals("::1")
        || LOOPBACK_V4.matcher(host).matches();
    return loopback && url.getRawPath() != null && PATH.matcher(url.getRawPath()).matches();
  }
}

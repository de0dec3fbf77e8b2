package dev.hookdesk.webhooks.send;

import dev.hookdesk.config.Cidr;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Which addresses a webhook may reach (SPEC §5): public ones, and those inside
 * {@code HOOKDESK_ALLOWED_NETWORKS}. Checked at registration on every resolved address and
 * again, by the sender's resolver, on the addresses actually connected to.
 */
public final class EgressGuard {
  /** Non-public ranges that the JDK's InetAddress predicates do not cover. */
  private static final List<Range> RESERVED = List.of(
      new Range("0.0.0.0/8", "a 'this network' address"),
      new Range("100.64.0.0/10", "a carrier-grade NAT (100.64.0.0/10) address"),
      new Range("192.0.0.0/24", "an IETF protocol address"),
      new Range("192.0.2.0/24", "a documentation address"),
      new Range("198.18.0.0/15", "a benchmarking address"),
      new Range("198.51.100.0/24", "a documentation address"),
      new Range("203.0.113.0/24", "a documentation address"),
      new Range("240.0.0.0/4", "a reserved address"),
      new Range("fc00::/7", "a unique-local IPv6 address"),
      new Range("::/96", "an IPv4-compatible IPv6 address"),
      new Range("64:ff9b::/96", "a NAT64 address"),
      // Both embed an IPv4 address that may be private; simpler to refuse them all than decode.
      new Range("2002::/16", "a 6to4 address (it embeds an IPv4 address)"),
      new Range("2001::/32", "a Teredo address (it embeds an IPv4 address)"),
      new Range("2001:db8::/32", "a documentation address"));

  private record Range(Cidr cidr, String what) {
    Range(String cidr, String what) {
      this(Cidr.parse(cidr), what);
    }
  }

  private final List<Cidr> allowed;
  private final Predicate<URI> ownReceiver;

  public EgressGuard(List<String> allowedNetworks) {
    this(allowedNetworks, url -> false);
  }

  /**
   * @param ownReceiver URLs served by this node itself (the inspector's capture URLs) that
   *     webhooks may reach although the guard refuses their address; nothing else is opened
   */
  public EgressGuard(List<String> allowedNetworks, Predicate<URI> ownReceiver) {
    List<Cidr> out = new ArrayList<>();
    for (String n : allowedNetworks) out.add(Cidr.parse(n));
    this.allowed = List.copyOf(out);
    this.ownReceiver = Objects.requireNonNull(ownReceiver);
  }

  /** True for a URL this node serves to receive webhooks itself; the sender reaches it on loopback. */
  public boolean isOwnReceiver(URI url) {
    return url != null && ownReceiver.test(url);
  }

  /** The registration check of a webhook URL: this node's own receivers, else every resolved address. */
  public void checkUrl(URI url) throws Refused {
    if (!isOwnReceiver(url)) check(url.getHost());
  }

  /** Why this address may not be reached, or empty when it may. */
  public Optional<String> refusal(InetAddress address) {
    Objects.requireNonNull(address);
    for (Cidr c : allowed) {
      if (c.contains(address)) return Optional.empty();
    }
    String what = classify(address);
    if (what == null) return Optional.empty();
    return Optional.of(address.getHostAddress() + " is " + what
        + "; only public addresses or those in HOOKDESK_ALLOWED_NETWORKS may be reached");
  }

  /** Resolves a host and checks every address; throws {@link Refused} naming the first bad one. */
  public List<InetAddress> check(String host) throws Refused {
    InetAddress[] all;
    try {
      all = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      throw new Refused("the host '" + host + "' does not resolve");
    }
    for (InetAddress a : all) {
      Optional<String> why = refusal(a);
      if (why.isPresent()) throw new Refused("'" + host + "' resolves to " + why.get());
    }
    return List.of(all);
  }

  private static String classify(InetAddress a) {
    if (a.isAnyLocalAddress()) return "the unspecified address";
    if (a.isLoopbackAddress()) return "a loopback address";
    if (a.isLinkLocalAddress()) return "a link-local address (cloud metadata lives here)";
    if (a.isSiteLocalAddress()) return "a private network address";
    if (a.isMulticastAddress()) return "a multicast address";
    if (a instanceof Inet6Address && a.getAddress()[0] == (byte) 0xfe
        && (a.getAddress()[1] & 0xc0) == 0xc0) {
      return "a site-local IPv6 address";
    }
    byte[] b = a.getAddress();
    // The JDK turns most mapped addresses into IPv4 ones (checked as such); any left are refused.
    if (b.length == 16 && isMapped(b)) return "an IPv4-mapped IPv6 address";
    if (b.length == 4 && (b[0] & 0xff) == 255 && (b[1] & 0xff) == 255
        && (b[2] & 0xff) == 255 && (b[3] & 0xff) == 255) {
      return "the broadcast address";
    }
    for (Range r : RESERVED) {
      if (r.cidr().contains(a)) return r.what();
    }
    return null;
  }

  private static boolean isMapped(byte[] b) {
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) return false;
    }
    return b[10] == (byte) 0xff && b[11] == (byte) 0xff;
  }

  /** A destination the guard refuses; the message says why. */
  public static final class Refused extends Exception {
    public Refused(String message) {
      super(message);
    }
  }
}

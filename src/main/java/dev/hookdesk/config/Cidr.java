package dev.hookdesk.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Objects;

/** An IPv4 or IPv6 network such as {@code 10.0.0.0/8}. */
public record Cidr(byte[] network, int prefix) {

  public Cidr {
    Objects.requireNonNull(network);
  }

  public static boolean isValid(String text) {
    try {
      parse(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  public static Cidr parse(String text) {
    String[] parts = text.trim().split("/", -1);
    if (parts.length > 2 || parts[0].isEmpty()) throw new IllegalArgumentException(text);
    // Only literals: a host name here would make the allowlist depend on DNS.
    if (!parts[0].matches("[0-9a-fA-F:.]+")) throw new IllegalArgumentException(text);
    byte[] address;
    try {
      address = InetAddress.getByName(parts[0]).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(text, e);
    }
    int max = address.length * 8;
    int prefix;
    try {
      prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : max;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(text, e);
    }
    if (prefix < 0 || prefix > max) throw new IllegalArgumentException(text);
    return new Cidr(address, prefix);
  }

  public boolean contains(InetAddress address) {
    byte[] a = address.getAddress();
    if (a.length != network.length) return false;
    int full = prefix / 8;
    for (int i = 0; i < full; i++) {
      if (a[i] != network[i]) return false;
    }
    int rest = prefix % 8;
    if (rest == 0) return true;
    int mask = (0xff << (8 - rest)) & 0xff;
    return (a[full] & mask) == (network[full] & mask);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Cidr c && c.prefix == prefix && Arrays.equals(c.network, network);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(network) * 31 + prefix;
  }
}

package dev.hookdesk.webhooks.send;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.SocketAddressResolver;

/**
 * Resolves a receiver's host and hands the client only the addresses the egress guard
 * permits, so the address connected to is the address checked: a DNS answer that changed
 * since registration (rebinding) cannot reach a forbidden network.
 */
final class GuardedResolver implements SocketAddressResolver {
  private final EgressGuard guard;

  GuardedResolver(EgressGuard guard) {
    this.guard = guard;
  }

  @Override
  public void resolve(String host, int port, Map<String, Object> context,
      Promise<List<InetSocketAddress>> promise) {
    // DNS may block for seconds; keep it off the caller's thread so timeouts hold.
    Thread.ofVirtual().name("hookdesk-resolve").start(() -> {
      try {
        promise.succeeded(permitted(host, port));
      } catch (Throwable t) {
        promise.failed(t);
      }
    });
  }

  List<InetSocketAddress> permitted(String host, int port) throws UnknownHostException, EgressRefusedException {
    String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    List<InetSocketAddress> out = new ArrayList<>();
    String firstRefusal = null;
    for (InetAddress a : InetAddress.getAllByName(literal)) {
      Optional<String> why = guard.refusal(a);
      if (why.isEmpty()) {
        out.add(new InetSocketAddress(a, port));
      } else if (firstRefusal == null) {
        firstRefusal = why.get();
      }
    }
    if (out.isEmpty()) throw new EgressRefusedException("'" + host + "' resolves to " + firstRefusal);
    return out;
  }

  static final class EgressRefusedException extends Exception {
    EgressRefusedException(String message) {
      super(message);
    }
  }
}

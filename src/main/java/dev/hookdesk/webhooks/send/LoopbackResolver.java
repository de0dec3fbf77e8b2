package dev.hookdesk.webhooks.send;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.SocketAddressResolver;

/** Resolves this node's own receivers: loopback addresses only, whatever DNS says. */
final class LoopbackResolver implements SocketAddressResolver {
  @Override
  public void resolve(String host, int port, Map<String, Object> context,
      Promise<List<InetSocketAddress>> promise) {
    try {
      String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
      List<InetSocketAddress> out = new ArrayList<>();
      for (InetAddress a : InetAddress.getAllByName(literal)) {
        if (a.isLoopbackAddress()) out.add(new InetSocketAddress(a, port));
      }
      if (out.isEmpty()) {
        promise.failed(new GuardedResolver.EgressRefusedException("'" + host + "' is not this node"));
      } else {
        promise.succeeded(out);
      }
    } catch (UnknownHostException e) {
      promise.failed(e);
    }
  }
}

package dev.hookdesk.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hookdesk.webhooks.send.EgressGuard;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class EgressGuardTest {
  static final EgressGuard STRICT = new EgressGuard(List.of());

  static InetAddress ip(String literal) throws Exception {
    return InetAddress.getByName(literal);
  }

  @Test
  void publicAddressesPass() throws Exception {
    assertThat(STRICT.refusal(ip("93.184.215.14"))).isEmpty();
    assertThat(STRICT.refusal(ip("2606:4700::1111"))).isEmpty();
  }

  @Test
  void nonPublicAddressesAreRefused() throws Exception {
    for (String a : List.of("127.0.0.1", "10.0.0.1", "172.31.255.255", "192.168.0.1",
        "169.254.169.254", "100.64.0.1", "100.127.255.254", "224.0.0.251", "0.0.0.0",
        "255.255.255.255", "::1", "::", "fe80::1", "fc00::1", "ff02::1", "64:ff9b::a00:1")) {
      assertThat(STRICT.refusal(ip(a))).as(a).isPresent();
    }
    assertThat(STRICT.refusal(ip("100.128.0.1"))).as("just outside CGNAT").isEmpty();
  }

  @Test
  void ipv4MappedIpv6IsRefusedEvenWhenTheJdkKeepsItIpv6() throws Exception {
    byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 8, 8, 8, 8};
    InetAddress a = Inet6Address.getByAddress(null, mapped, -1);
    assertThat(STRICT.refusal(a)).get().asString().contains("IPv4-mapped");
  }

  @Test
  void theAllowlistWins() throws Exception {
    EgressGuard g = new EgressGuard(List.of("10.0.0.0/8", "::1/128"));
    assertThat(g.refusal(ip("10.9.8.7"))).isEmpty();
    assertThat(g.refusal(ip("::1"))).isEmpty();
    assertThat(g.refusal(ip("192.168.0.1"))).isPresent();
  }

  @Test
  void namesAreCheckedOnEveryResolvedAddress() {
    assertThatThrownBy(() -> STRICT.check("localhost")).isInstanceOf(EgressGuard.Refused.class)
        .hasMessageContaining("loopback");
    assertThatThrownBy(() -> STRICT.check("nonexistent.invalid")).hasMessageContaining("does not resolve");
  }
}

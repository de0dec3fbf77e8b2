package dev.hookdesk.webhooks;

import static dev.hookdesk.webhooks.EgressGuardTest.STRICT;
import static dev.hookdesk.webhooks.EgressGuardTest.ip;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hookdesk.webhooks.send.EgressGuard;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * 6to4 ({@code 2002::/16}) and Teredo ({@code 2001::/32}) addresses embed an IPv4 address that
 * may be private (6to4 of 127.0.0.1 is 2002:7f00:1::); they are refused unless allowed.
 */
class TunnelAddressEgressTest {
  @Test
  void sixToFourAddressesAreRefused() throws Exception {
    for (String a : List.of("2002:7f00:1::1", "2002:a00:1::1", "2002:a9fe:a9fe::", "2002:808:808::1")) {
      assertThat(STRICT.refusal(ip(a))).as(a).get().asString().contains("6to4");
    }
  }

  @Test
  void teredoAddressesAreRefused() throws Exception {
    for (String a : List.of("2001:0:4136:e378:8000:63bf:3fff:fdd2", "2001::1", "2001:0:ffff::1")) {
      assertThat(STRICT.refusal(ip(a))).as(a).get().asString().contains("Teredo");
    }
  }

  @Test
  void neighbouringPublicRangesStillPass() throws Exception {
    for (String a : List.of("2001:4860:4860::8888", "2001:200::1", "2003::1", "2606:4700::1111")) {
      assertThat(STRICT.refusal(ip(a))).as(a).isEmpty();
    }
  }

  @Test
  void theAllowlistCanOpenThem() throws Exception {
    EgressGuard g = new EgressGuard(List.of("2002::/16", "2001::/32"));
    assertThat(g.refusal(ip("2002:a00:1::1"))).isEmpty();
    assertThat(g.refusal(ip("2001::1"))).isEmpty();
  }
}

package dev.hookdesk.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.TestNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** No answer may be framed by another site (clickjacking), for browsers without CSP frame-ancestors too. */
@DbTest
class FrameOptionsTest {
  @RegisterExtension
  static final TestNode node = TestNode.perClass();

  @Test
  void everyAnswerSaysDenyFraming() {
    Api api = node.admin();
    for (Api.Res r : new Api.Res[] {api.get("/console"), api.get("/tokens"), api.get("/tickets/tkt_nope"),
        api.get("/no-such-route"), api.get("/health"), api.as(null).get("/tokens")}) {
      assertThat(r.headers().firstValue("x-frame-options")).as(r.text()).hasValue("DENY");
    }
  }
}

package dev.hookdesk.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.TestNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The method on the request line is the method: no header or parameter turns a GET into a DELETE. */
@DbTest
class MethodOverrideTest {
  @RegisterExtension
  static final TestNode node = TestNode.perClass();

  @Test
  void aGetWithAMethodOverrideHeaderDoesNotRevokeAToken() throws Exception {
    Api admin = node.admin();
    var minted = admin.post("/tokens", Api.json(Map.of("role", "agent", "name", "victim"))).expect(201);
    String url = admin.base() + "/api/v1/tokens/" + minted.str("/id");
    for (String header : new String[] {"X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override"}) {
      var r = RawRequest.send("GET", url, admin.token(), Map.of(header, "DELETE"), null);
      assertThat(r.status()).as(header + ": " + r.text()).isNotEqualTo(204);
    }
    var r = RawRequest.send("GET", url + "?_method=DELETE", admin.token(), Map.of(), null);
    assertThat(r.status()).isNotEqualTo(204);
    r = RawRequest.send("POST", url + "?_method=DELETE", admin.token(),
        Map.of("Content-Type", "application/x-www-form-urlencoded"), "_method=DELETE".getBytes());
    assertThat(r.status()).isNotEqualTo(204);

    admin.as(minted.str("/token")).get("/tickets").expect(200);
  }
}

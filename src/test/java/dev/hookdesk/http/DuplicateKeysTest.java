package dev.hookdesk.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.TestNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A key given twice is ambiguous (proxies and validators may read the first, we the last): refused. */
@DbTest
class DuplicateKeysTest {
  @RegisterExtension
  static final TestNode node = TestNode.perClass();

  @Test
  void aRoleGivenTwiceMintsNothing() {
    Api admin = node.admin();
    Api agent = node.withRole("agent");
    int before = admin.get("/tokens?limit=500").expect(200).at("/data").size();

    var r = admin.post("/tokens", "{\"role\":\"agent\",\"name\":\"x\",\"role\":\"admin\"}").problem(400, "body");
    assertThat(r.str("/detail")).contains("role");
    admin.post("/contacts", "{\"name\":\"A\",\"extra\":{\"k\":1,\"k\":2}}").problem(400, "body");

    assertThat(admin.get("/tokens?limit=500").expect(200).at("/data").size()).isEqualTo(before);
    agent.post("/tickets", "{\"subject\":\"s\",\"body\":\"b\",\"subject\":\"t\"}").problem(400, "body");
  }
}

package dev.hookdesk.inspector;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class InspectorTargetTest {
  static final String BIN = "bin_01m7ya4pxb968jscm4gapg5axe";

  @Test
  void onlyThisNodesOwnCaptureUrlIsExempt() {
    assertThat(InspectorTarget.isOwnCapture(URI.create("http://127.0.0.1:8080/inspect/" + BIN), 8080)).isTrue();
    assertThat(InspectorTarget.isOwnCapture(URI.create("http://localhost:8080/inspect/" + BIN), 8080)).isTrue();
    assertThat(InspectorTarget.isOwnCapture(URI.create("http://[::1]:8080/inspect/" + BIN), 8080)).isTrue();

    assertThat(InspectorTarget.isOwnCapture(URI.create("http://127.0.0.1:9090/inspect/" + BIN), 8080))
        .as("another port on loopback").isFalse();
    assertThat(InspectorTarget.isOwnCapture(URI.create("http://127.0.0.1:8080/api/v1/tokens"), 8080))
        .as("the node's API").isFalse();
    assertThat(InspectorTarget.isOwnCapture(URI.create("http://127.0.0.1:8080/inspect/" + BIN + "/../x"), 8080)).isFalse();
    assertThat(InspectorTarget.isOwnCapture(URI.create("http://10.0.0.5:8080/inspect/" + BIN), 8080)).isFalse();
    assertThat(InspectorTarget.isOwnCapture(URI.create("http://u:p@127.0.0.1:8080/inspect/" + BIN), 8080)).isFalse();
  }
}

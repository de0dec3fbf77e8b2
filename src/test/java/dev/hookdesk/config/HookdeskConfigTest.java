package dev.hookdesk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HookdeskConfigTest {

  @Test
  void defaultsMatchTheSpec() {
    HookdeskConfig c = HookdeskConfig.from(Map.of());
    assertThat(c.port()).isEqualTo(8080);
    assertThat(c.dataDir()).isEqualTo(Path.of("./data").toAbsolutePath().normalize());
    assertThat(c.databaseUrl()).isEmpty();
    assertThat(c.usesPostgres()).isFalse();
    assertThat(c.jdbcUrl()).startsWith("jdbc:h2:file:" + c.dataDir().resolve("hookdesk"));
    assertThat(c.adminToken()).isEmpty();
    assertThat(c.allowedNetworks()).isEmpty();
    assertThat(c.trustedCerts()).isEmpty();
    assertThat(c.secretKey()).isEmpty();
    assertThat(c.attemptRetention()).isEqualTo(Duration.ofDays(30));
    assertThat(c.publicUrl()).isEmpty(); // the node then uses http://localhost:<port>
    assertThat(c.deliveryLease()).isEqualTo(Duration.ofMinutes(2));
    assertThat(c.nodeTimeout()).as("SPEC §5").isEqualTo(Duration.ofSeconds(15));
    assertThat(c.databasePoolSize()).isEqualTo(16);
  }

  @Test
  void thePoolSizeIsConnectionsFromTwo() {
    assertThat(HookdeskConfig.from(Map.of("HOOKDESK_DATABASE_POOL_SIZE", "40")).databasePoolSize())
        .isEqualTo(40);
    assertThatThrownBy(() -> HookdeskConfig.from(Map.of("HOOKDESK_DATABASE_POOL_SIZE", "1")))
        .hasMessage("HOOKDESK_DATABASE_POOL_SIZE: '1' is out of range; use 2 to 1000");
  }

  @Test
  void publicUrlIsAnAbsoluteHttpUrlWithoutItsTrailingSlash() {
    PublicUrl url = HookdeskConfig.from(Map.of("HOOKDESK_PUBLIC_URL", "https://desk.example/support/"))
        .publicUrl().orElseThrow();
    assertThat(url.toString()).isEqualTo("https://desk.example/support");
    assertThat(url.resolve("/inspect/bin_1")).isEqualTo("https://desk.example/support/inspect/bin_1");
    assertThat(PublicUrl.localhost(8080).resolve("/widget.js")).isEqualTo("http://localhost:8080/widget.js");
    for (String bad : new String[] {"desk.example", "/relative", "ftp://desk.example",
        "https://desk.example/?x=1", "https://desk.example/#top", "https://user:pw@desk.example",
        "https:///nohost", "http://exa mple.com"}) {
      assertThatThrownBy(() -> HookdeskConfig.from(Map.of("HOOKDESK_PUBLIC_URL", bad)))
          .as(bad).isInstanceOf(ConfigException.class)
          .hasMessageStartingWith("HOOKDESK_PUBLIC_URL: '" + bad + "'").hasMessageNotContaining("\n");
    }
  }

  @Test
  void theNodeTimeoutIsSecondsFromTwo() {
    assertThat(HookdeskConfig.from(Map.of("HOOKDESK_NODE_TIMEOUT_SECONDS", "5")).nodeTimeout())
        .isEqualTo(Duration.ofSeconds(5));
    assertThatThrownBy(() -> HookdeskConfig.from(Map.of("HOOKDESK_NODE_TIMEOUT_SECONDS", "1")))
        .hasMessage("HOOKDESK_NODE_TIMEOUT_SECONDS: '1' is out of range; use 2 to 3600");
  }

  @Test
  void readsEverySetting() {
    HookdeskConfig c = HookdeskConfig.from(Map.of(
        "HOOKDESK_PORT", "9090",
        "HOOKDESK_DATA_DIR", "/tmp/hd",
        "HOOKDESK_DATABASE_URL", "jdbc:postgresql://db:5432/hd",
        "HOOKDESK_DATABASE_USER", "hd",
        "HOOKDESK_DATABASE_PASSWORD", "pw",
        "HOOKDESK_ADMIN_TOKEN", "tok",
        "HOOKDESK_ALLOWED_NETWORKS", "127.0.0.0/8, 10.0.0.0/8,fd00::/8",
        "HOOKDESK_SECRET_KEY", "k"));
    assertThat(c.port()).isEqualTo(9090);
    assertThat(c.dataDir()).isEqualTo(Path.of("/tmp/hd"));
    assertThat(c.usesPostgres()).isTrue();
    assertThat(c.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/hd");
    assertThat(c.databaseUser()).contains("hd");
    assertThat(c.databasePassword()).contains("pw");
    assertThat(c.adminToken()).contains("tok");
    assertThat(c.allowedNetworks()).containsExactly("127.0.0.0/8", "10.0.0.0/8", "fd00::/8");
    assertThat(c.secretKey()).contains("k");
  }

  @Test
  void badValuesNameTheSettingAndTheFix() {
    assertThatThrownBy(() -> HookdeskConfig.from(Map.of("HOOKDESK_PORT", "abc")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("HOOKDESK_PORT: 'abc' is not a number; use 0 to 65535");
    assertThatThrownBy(() -> HookdeskConfig.from(Map.of("HOOKDESK_PORT", "70000")))
        .hasMessageContaining("HOOKDESK_PORT").hasMessageContaining("out of range");
    assertThatThrownBy(() -> HookdeskConfig.from(Map.of("HOOKDESK_DATABASE_URL", "mysql://x")))
        .hasMessageStartingWith("HOOKDESK_DATABASE_URL: 'mysql://x' is not supported");
    assertThatThrownBy(() -> HookdeskConfig.from(Map.of("HOOKDESK_ALLOWED_NETWORKS", "10.0.0.0/33")))
        .hasMessageStartingWith("HOOKDESK_ALLOWED_NETWORKS: '10.0.0.0/33' is not a CIDR block");
    assertThatThrownBy(() -> HookdeskConfig.from(Map.of("HOOKDESK_TRUSTED_CERTS", "/nonexistent.pem")))
        .hasMessageStartingWith("HOOKDESK_TRUSTED_CERTS: cannot read");
  }

  @Test
  void cidrContainment() {
    Cidr net = Cidr.parse("10.1.0.0/16");
    assertThat(net.contains(addr("10.1.255.3"))).isTrue();
    assertThat(net.contains(addr("10.2.0.1"))).isFalse();
    assertThat(Cidr.parse("fd00::/8").contains(addr("fd12::1"))).isTrue();
    assertThat(Cidr.parse("fd00::/8").contains(addr("10.1.0.1"))).isFalse();
    assertThat(Cidr.isValid("example.com/8")).isFalse();
  }

  private static java.net.InetAddress addr(String s) {
    try {
      return java.net.InetAddress.getByName(s);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}

package dev.hookdesk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookdesk.Hookdesk;
import dev.hookdesk.config.HookdeskConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * A real Hookdesk node on a free port with a fresh database, for tests that go through the
 * HTTP API. On close it checks every event the test caused against its published schema.
 */
public final class TestNode implements AutoCloseable {
  public static final String OWNER_TOKEN = "hd_test_owner_token_0123456789abcdef";

  private final TestDatabase database;
  private final Path dataDir;
  private final Hookdesk node;

  private TestNode(Map<String, String> extra, Clock clock) {
    this.database = TestDatabase.create();
    try {
      this.dataDir = Files.createTempDirectory("hookdesk-test");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    Map<String, String> s = new HashMap<>(database.settings());
    s.put(HookdeskConfig.PORT, "0");
    s.put(HookdeskConfig.DATA_DIR, dataDir.toString());
    s.put(HookdeskConfig.ADMIN_TOKEN, OWNER_TOKEN);
    s.put(HookdeskConfig.ALLOWED_NETWORKS, "127.0.0.0/8,::1/128");
    s.putAll(extra);
    this.node = Hookdesk.start(HookdeskConfig.from(s), clock);
  }

  public static TestNode start() {
    return new TestNode(Map.of(), Clock.systemUTC());
  }

  public static TestNode start(Map<String, String> settings) {
    return new TestNode(settings, Clock.systemUTC());
  }

  /** A node on a clock the test controls (cool-downs, leases). */
  public static TestNode start(Clock clock) {
    return new TestNode(Map.of(), clock);
  }

  public Hookdesk node() {
    return node;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + node.port();
  }

  /** A client with the owner (bootstrap admin) token of the default workspace. */
  public Api admin() {
    return new Api(baseUrl(), OWNER_TOKEN);
  }

  /** A client with a new token of this role in the default workspace. */
  public Api withRole(String role) {
    var r = admin().post("/tokens", Api.json(Map.of("role", role, "name", role + " in test")))
        .expect(201);
    return new Api(baseUrl(), r.str("/token"));
  }

  /** Polls a condition until it holds or the deadline passes; no fixed sleeps. */
  public static void await(String what, long timeoutMillis, BooleanSupplier condition) {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > deadline) throw new AssertionError("timed out waiting for " + what);
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /** Every event stored so far, validated against the catalog's schema for its type. */
  public List<String> schemaViolations() {
    ObjectMapper mapper = new ObjectMapper();
    List<String> problems = new ArrayList<>();
    List<String> bodies = node.database().read(h -> h.createQuery("SELECT body FROM events ORDER BY id")
        .mapTo(String.class).list());
    for (String body : bodies) {
      try {
        var envelope = mapper.readTree(body);
        for (String p : node.catalog().validate(envelope)) {
          problems.add(envelope.get("type").asText() + " " + envelope.get("id").asText() + ": " + p);
        }
      } catch (IOException e) {
        problems.add("unreadable event body: " + e.getMessage());
      }
    }
    return problems;
  }

  @Override
  public void close() {
    try {
      assertThat(schemaViolations()).as("events that do not match their published schema").isEmpty();
    } finally {
      node.close();
      database.close();
    }
  }
}

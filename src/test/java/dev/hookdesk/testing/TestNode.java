package dev.hookdesk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookdesk.Hookdesk;
import dev.hookdesk.config.HookdeskConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Hookdesk node on a free port with a fresh database, for tests that go through the
 * HTTP API. On close it checks every event the test caused against its published schema.
 *
 * <p>Either started at once ({@link #start()}, closed by the test), or one per test class:
 * {@code @RegisterExtension static final TestNode node = TestNode.perClass();} starts it
 * before the class's first test and closes it after the last.
 */
public final class TestNode implements AutoCloseable, BeforeAllCallback, AfterAllCallback {
  public static final String OWNER_TOKEN = "hd_test_owner_token_0123456789abcdef";

  private final Map<String, String> extra;
  private final Clock clock;
  private TestDatabase database;
  private Hookdesk node;

  private TestNode(Map<String, String> extra, Clock clock) {
    this.extra = Map.copyOf(extra);
    this.clock = clock;
  }

  private TestNode boot() {
    this.database = TestDatabase.create();
    Path dataDir;
    try {
      dataDir = Files.createTempDirectory("hookdesk-test");
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
    return this;
  }

  public static TestNode start() {
    return new TestNode(Map.of(), Clock.systemUTC()).boot();
  }

  public static TestNode start(Map<String, String> settings) {
    return new TestNode(settings, Clock.systemUTC()).boot();
  }

  /** A node on a clock the test controls (cool-downs, leases). */
  public static TestNode start(Clock clock) {
    return new TestNode(Map.of(), clock).boot();
  }

  /** One node for a test class, registered with {@code @RegisterExtension}. */
  public static TestNode perClass() {
    return new TestNode(Map.of(), Clock.systemUTC());
  }

  public static TestNode perClass(Map<String, String> settings) {
    return new TestNode(settings, Clock.systemUTC());
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    boot();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  public Hookdesk node() {
    return node;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + node.port();
  }

  /** A client with the owner (bootstrap admin) token of the default workspace. */
  public Api admin() {
    // The base URL is read when a request is sent, so a per-class node's client can be
    // made before the node starts.
    return new Api(this::baseUrl, OWNER_TOKEN);
  }

  /** A client with a new token of this role in the default workspace. */
  public Api withRole(String role) {
    var r = admin().post("/tokens", Api.json(Map.of("role", role, "name", role + " in test")))
        .expect(201);
    return new Api(this::baseUrl, r.str("/token"));
  }

  /** Connections taken from the node's request pool; closing gives them back. */
  public record Held(List<Connection> connections) implements AutoCloseable {
    @Override
    public void close() throws SQLException {
      for (Connection c : connections) c.close();
    }
  }

  /**
   * Takes every connection of the node's request pool, as requests that never end would: it
   * returns once the pool has none left (after the pool's wait for one more gave up).
   */
  public Held holdRequestConnections() throws SQLException {
    List<Connection> held = new ArrayList<>();
    try {
      while (true) held.add(node.database().connection());
    } catch (SQLTransientConnectionException empty) {
      return new Held(held);
    } catch (SQLException | RuntimeException e) {
      new Held(held).close();
      throw e;
    }
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

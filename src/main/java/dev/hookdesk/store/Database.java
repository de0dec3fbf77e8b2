package dev.hookdesk.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementException;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.core.transaction.SerializableTransactionRunner;

/**
 * A connection pool with its transactions, the migrations, and the node's LISTEN connection.
 * A node opens one for its requests and a second, {@link #openPool alongside} it, for its
 * background work, so neither can take the other's connections.
 */
public final class Database implements AutoCloseable {
  private static final int MAX_LOGGED_STATEMENT = 300;
  private final HikariConfig settings;
  private final HikariDataSource dataSource;
  private final Jdbi jdbi;
  private final Dialect dialect;
  private final Durability durability;
  private final Optional<PostgresListener> listener;
  private final List<Database> alongside = new CopyOnWriteArrayList<>();
  private final boolean ownsDurability;

  private Database(HikariConfig settings, Pool pool, Dialect dialect, Durability durability,
      boolean ownsDurability) {
    this.settings = settings;
    this.dataSource = new HikariDataSource(configure(settings, pool));
    this.dialect = dialect;
    this.durability = durability;
    this.ownsDurability = ownsDurability;
    this.listener = dialect.supportsNotify() ? Optional.of(new PostgresListener(dataSource))
        : Optional.empty();
    this.jdbi = Jdbi.create(dataSource);
    DurableWrites writes = new DurableWrites(durability);
    if (durability != Durability.AT_COMMIT) jdbi.addCustomizer(writes);
    jdbi.setTransactionHandler(new DeadlockRetry(writes));
    jdbi.getConfig(SerializableTransactionRunner.Configuration.class)
        .setMaxRetries(DeadlockRetry.MAX_RETRIES);
    jdbi.getConfig(StatementExceptions.class).setMessageRendering(Database::withoutValues);
  }

  private static HikariConfig configure(HikariConfig settings, Pool pool) {
    HikariConfig hc = new HikariConfig();
    settings.copyStateTo(hc);
    hc.setPoolName(pool.name());
    hc.setMaximumPoolSize(pool.size());
    hc.setConnectionTimeout(pool.connectionTimeout().toMillis());
    return hc;
  }

  /**
   * A failed statement's message names the statement but none of its bound values: they carry
   * custom header credentials, payloads with personal data and sealed secrets, and these
   * messages end up in logs. (JDBI's default lists every argument.)
   */
  private static String withoutValues(StatementException e) {
    String sql = e.getStatementContext() == null ? null : e.getStatementContext().getRawSql();
    String statement = sql == null ? "" : sql.strip().replaceAll("\\s+", " ");
    if (statement.length() > MAX_LOGGED_STATEMENT) statement = statement.substring(0, MAX_LOGGED_STATEMENT) + "…";
    return e.getShortMessage() + " [statement: " + statement + "]";
  }

  /**
   * Opens the pool and checks the database answers; a failure throws
   * {@link StoreException} with a message for the operator.
   */
  public static Database open(String url, Optional<String> user, Optional<String> password,
      int poolSize) {
    return open(url, user, password, new Pool("hookdesk", poolSize, Pool.PATIENT), Optional.empty());
  }

  /**
   * As {@link #open(String, Optional, Optional, int)}; on PostgreSQL a transaction left open
   * and idle for {@code stalled} is ended by the server. A node that stops dead mid-transaction
   * (a pause, a frozen VM) would otherwise keep its row locks — the events it was fanning out,
   * the deliveries it was claiming — from the nodes that declared it dead.
   */
  public static Database open(String url, Optional<String> user, Optional<String> password,
      Pool pool, Optional<Duration> stalled) {
    Objects.requireNonNull(url);
    HikariConfig hc = new HikariConfig();
    hc.setJdbcUrl(url);
    user.ifPresent(hc::setUsername);
    password.ifPresent(hc::setPassword);
    hc.setInitializationFailTimeout(10_000);
    hc.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    if (url.startsWith("jdbc:postgresql:")) {
      // Keeps bound values out of PostgreSQL errors: without it the server's Detail ("Key
      // (x)=(value)") is in the message, and a failed batch names its entry with every parameter.
      hc.addDataSourceProperty("logServerErrorDetail", "false");
      stalled.ifPresent(d -> hc.addDataSourceProperty("options",
          "-c idle_in_transaction_session_timeout=" + d.toMillis()));
    }
    Dialect dialect = Dialect.forUrl(url);
    Durability durability = dialect.durability(url, user, password); // connects on first use
    try {
      return new Database(hc, pool, dialect, durability, true);
    } catch (RuntimeException e) {
      durability.close();
      throw new StoreException("cannot connect to " + redact(url) + ": " + rootMessage(e), e);
    }
  }

  /**
   * A second pool on the same database, with the same settings, dialect and durability, closed
   * with this one: work that must go on whatever holds this pool's connections runs on it.
   */
  public Database openPool(Pool pool) {
    try {
      Database other = new Database(settings, pool, dialect, durability, false);
      alongside.add(other);
      return other;
    } catch (RuntimeException e) {
      throw new StoreException("cannot connect to " + redact(settings.getJdbcUrl()) + ": "
          + rootMessage(e), e);
    }
  }

  /**
   * Applies the Flyway migrations of {@code db/migration}, and those of the database's own
   * folder ({@code db/h2}, {@code db/postgresql}) where the two differ beyond a column type.
   */
  public void migrate() {
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration", "classpath:db/" + dialect.name())
        .placeholders(dialect.placeholders())
        .failOnMissingLocations(true)
        .load()
        .migrate();
  }

  public Dialect dialect() {
    return dialect;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  /**
   * Runs the callback in one READ COMMITTED transaction (the pool's level on every
   * connection): all of it commits, or none. Naming the level here would make JDBI read and
   * set it around every transaction, three round trips to PostgreSQL each time.
   */
  public <R> R inTransaction(HandleCallback<R, RuntimeException> callback) {
    return jdbi.inTransaction(callback);
  }

  /** Runs a read without an explicit transaction. */
  public <R> R read(HandleCallback<R, RuntimeException> callback) {
    return jdbi.withHandle(callback);
  }

  public Connection connection() throws SQLException {
    return dataSource.getConnection();
  }

  /**
   * Calls {@code onPayload} with each distinct payload whenever a node notifies the channel,
   * until closed; every channel shares one connection of this pool. Without notify support
   * (H2) it never calls: polling and in-process signals cover that case.
   */
  public AutoCloseable listen(String channel, Consumer<String> onPayload) {
    return listener.isPresent() ? listener.get().listen(channel, onPayload) : () -> { };
  }

  @Override
  public void close() {
    alongside.forEach(Database::close);
    listener.ifPresent(l -> {
      try {
        l.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    if (ownsDurability) durability.close();
    dataSource.close();
  }

  static String redact(String url) {
    return url.replaceAll("password=[^&;]*", "password=***");
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) t = t.getCause();
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}

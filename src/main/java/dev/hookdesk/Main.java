package dev.hookdesk;

import dev.hookdesk.config.ConfigException;
import dev.hookdesk.config.HookdeskConfig;
import dev.hookdesk.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The command line: {@code serve} starts a node, {@code migrate} prepares the database. */
@Command(name = "hookdesk", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Self-hosted support desk whose webhooks are the centre.",
    subcommands = {Main.Serve.class, Main.Migrate.class})
public final class Main implements Runnable {

  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  /** Flags of SPEC §1; each overrides the environment variable of the same name. */
  static class Settings {
    @Option(names = "--port", description = "HTTP port (HOOKDESK_PORT, default 8080)")
    String port;
    @Option(names = "--data-dir", description = "data directory (HOOKDESK_DATA_DIR, default ./data)")
    String dataDir;
    @Option(names = "--database-url", description = "JDBC URL (HOOKDESK_DATABASE_URL)")
    String databaseUrl;
    @Option(names = "--database-user", description = "HOOKDESK_DATABASE_USER")
    String databaseUser;
    @Option(names = "--database-password", description = "HOOKDESK_DATABASE_PASSWORD")
    String databasePassword;
    @Option(names = "--database-pool-size", description = "database connections for requests (HOOKDESK_DATABASE_POOL_SIZE, default 16)")
    String databasePoolSize;
    @Option(names = "--admin-token", description = "bootstrap admin token (HOOKDESK_ADMIN_TOKEN)")
    String adminToken;
    @Option(names = "--allowed-networks", description = "CIDRs webhooks may reach (HOOKDESK_ALLOWED_NETWORKS)")
    String allowedNetworks;
    @Option(names = "--trusted-certs", description = "PEM file of extra CAs (HOOKDESK_TRUSTED_CERTS)")
    String trustedCerts;
    @Option(names = "--secret-key", description = "key encrypting webhook secrets (HOOKDESK_SECRET_KEY)")
    String secretKey;
    @Option(names = "--attempt-retention-days", description = "days attempt bodies are kept (HOOKDESK_ATTEMPT_RETENTION_DAYS, default 30)")
    String retentionDays;
    @Option(names = "--delivery-lease-seconds", description = "how long a node holds a claimed delivery (HOOKDESK_DELIVERY_LEASE_SECONDS, default 120)")
    String leaseSeconds;
    @Option(names = "--public-url", description = "URL people and apps reach this node at, for links (HOOKDESK_PUBLIC_URL, default http://localhost:<port>)")
    String publicUrl;
    @Option(names = "--node-timeout-seconds", description = "silence after which a node is declared dead and its deliveries are taken over (HOOKDESK_NODE_TIMEOUT_SECONDS, default 15)")
    String nodeTimeoutSeconds;

    HookdeskConfig config() {
      Map<String, String> s = new HashMap<>(System.getenv());
      put(s, HookdeskConfig.PORT, port);
      put(s, HookdeskConfig.DATA_DIR, dataDir);
      put(s, HookdeskConfig.DATABASE_URL, databaseUrl);
      put(s, HookdeskConfig.DATABASE_USER, databaseUser);
      put(s, HookdeskConfig.DATABASE_PASSWORD, databasePassword);
      put(s, HookdeskConfig.DATABASE_POOL_SIZE, databasePoolSize);
      put(s, HookdeskConfig.ADMIN_TOKEN, adminToken);
      put(s, HookdeskConfig.ALLOWED_NETWORKS, allowedNetworks);
      put(s, HookdeskConfig.TRUSTED_CERTS, trustedCerts);
      put(s, HookdeskConfig.SECRET_KEY, secretKey);
      put(s, HookdeskConfig.ATTEMPT_RETENTION_DAYS, retentionDays);
      put(s, HookdeskConfig.DELIVERY_LEASE_SECONDS, leaseSeconds);
      put(s, HookdeskConfig.PUBLIC_URL, publicUrl);
      put(s, HookdeskConfig.NODE_TIMEOUT_SECONDS, nodeTimeoutSeconds);
      return HookdeskConfig.from(s);
    }

    private static void put(Map<String, String> s, String key, String value) {
      if (value != null) s.put(key, value);
    }
  }

  @Command(name = "serve", description = "Start a Hookdesk node.")
  static final class Serve extends Settings implements java.util.concurrent.Callable<Integer> {
    @Override
    public Integer call() throws InterruptedException {
      Hookdesk node;
      try {
        node = Hookdesk.start(config(), Clock.systemUTC());
      } catch (ConfigException | StoreException e) {
        System.err.println("hookdesk: " + e.getMessage());
        return 2;
      }
      node.generatedAdminToken().ifPresent(t -> announce(node, t));
      System.out.println("Hookdesk listening on http://localhost:" + node.port()
          + " (database: " + node.database().dialect().name() + ", data: " + node.config().dataDir() + ")");
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        node.close();
        stopped.countDown();
      }, "hookdesk-shutdown"));
      stopped.await();
      return 0;
    }

    private static void announce(Hookdesk node, String token) {
      Path file = node.config().dataDir().resolve("admin-token");
      try {
        Files.writeString(file, token + "\n");
        try {
          Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
          // not a POSIX file system; the file stays with default permissions
        }
      } catch (IOException e) {
        System.err.println("hookdesk: could not write " + file + ": " + e.getMessage());
      }
      System.out.println("Admin token (shown once, also saved to " + file + "):");
      System.out.println("  " + token);
    }
  }

  @Command(name = "migrate", description = "Apply database migrations and exit.")
  static final class Migrate extends Settings implements java.util.concurrent.Callable<Integer> {
    @Override
    public Integer call() {
      try (var db = dev.hookdesk.store.Database.open(config().jdbcUrl(), config().databaseUser(),
          config().databasePassword(), 2)) {
        db.migrate();
        System.out.println("migrations applied (" + db.dialect().name() + ")");
        return 0;
      } catch (ConfigException | StoreException e) {
        System.err.println("hookdesk: " + e.getMessage());
        return 2;
      }
    }
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"hookdesk " + (v == null ? "dev" : v)};
    }
  }
}

package dev.hookdesk.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Every setting of SPEC §1, read from environment variables (overridden by command-line
 * flags, which arrive here under the same names) and validated once at start-up.
 */
public record HookdeskConfig(
    int port,
    Path dataDir,
    Optional<String> databaseUrl,
    Optional<String> databaseUser,
    Optional<String> databasePassword,
    int databasePoolSize,
    Optional<String> adminToken,
    List<String> allowedNetworks,
    Optional<Path> trustedCerts,
    Optional<String> secretKey,
    Duration attemptRetention,
    Duration deliveryLease,
    Duration nodeTimeout,
    Optional<PublicUrl> publicUrl) {

  public static final String PORT = "HOOKDESK_PORT";
  public static final String DATA_DIR = "HOOKDESK_DATA_DIR";
  public static final String DATABASE_URL = "HOOKDESK_DATABASE_URL";
  public static final String DATABASE_USER = "HOOKDESK_DATABASE_USER";
  public static final String DATABASE_PASSWORD = "HOOKDESK_DATABASE_PASSWORD";
  /** Connections for requests; the engine, live feeds and LISTEN have a small pool of their own. */
  public static final String DATABASE_POOL_SIZE = "HOOKDESK_DATABASE_POOL_SIZE";
  public static final String ADMIN_TOKEN = "HOOKDESK_ADMIN_TOKEN";
  public static final String ALLOWED_NETWORKS = "HOOKDESK_ALLOWED_NETWORKS";
  public static final String TRUSTED_CERTS = "HOOKDESK_TRUSTED_CERTS";
  public static final String SECRET_KEY = "HOOKDESK_SECRET_KEY";
  public static final String ATTEMPT_RETENTION_DAYS = "HOOKDESK_ATTEMPT_RETENTION_DAYS";
  /** How long a node holds a claimed delivery; a dead node's work returns after it. */
  public static final String DELIVERY_LEASE_SECONDS = "HOOKDESK_DELIVERY_LEASE_SECONDS";
  /** Silence after which a node is declared dead and its claimed deliveries go back to the queue. */
  public static final String NODE_TIMEOUT_SECONDS = "HOOKDESK_NODE_TIMEOUT_SECONDS";

  /** Where people and apps reach this node; links are built from it (default http://localhost:<port>). */
  public static final String PUBLIC_URL = "HOOKDESK_PUBLIC_URL";

  public HookdeskConfig {
    Objects.requireNonNull(dataDir);
    Objects.requireNonNull(publicUrl);
    allowedNetworks = List.copyOf(allowedNetworks);
  }

  /** Reads the settings; a bad value throws {@link ConfigException} naming the setting. */
  public static HookdeskConfig from(Map<String, String> settings) {
    Map<String, String> s = settings;
    int port = parsePort(get(s, PORT).orElse("8080"));
    Path dataDir = Path.of(get(s, DATA_DIR).orElse("./data")).toAbsolutePath().normalize();
    Optional<String> url = get(s, DATABASE_URL);
    url.ifPresent(HookdeskConfig::checkDatabaseUrl);
    List<String> networks = new ArrayList<>();
    for (String cidr : get(s, ALLOWED_NETWORKS).orElse("").split(",")) {
      String trimmed = cidr.trim();
      if (trimmed.isEmpty()) continue;
      if (!Cidr.isValid(trimmed)) {
        throw new ConfigException(ALLOWED_NETWORKS, "'" + trimmed
            + "' is not a CIDR block; write it like 10.0.0.0/8 or fd00::/8");
      }
      networks.add(trimmed);
    }
    Optional<Path> certs = get(s, TRUSTED_CERTS).map(Path::of);
    certs.ifPresent(p -> {
      if (!p.toFile().canRead()) {
        throw new ConfigException(TRUSTED_CERTS, "cannot read the PEM file " + p.toAbsolutePath());
      }
    });
    int retentionDays = parseInt(ATTEMPT_RETENTION_DAYS, get(s, ATTEMPT_RETENTION_DAYS).orElse("30"), 1, 3650);
    int leaseSeconds = parseInt(DELIVERY_LEASE_SECONDS, get(s, DELIVERY_LEASE_SECONDS).orElse("120"), 2, 3600);
    int nodeTimeoutSeconds = parseInt(NODE_TIMEOUT_SECONDS, get(s, NODE_TIMEOUT_SECONDS).orElse("15"), 2, 3600);
    int poolSize = parseInt(DATABASE_POOL_SIZE, get(s, DATABASE_POOL_SIZE).orElse("16"), 2, 1000);
    return new HookdeskConfig(port, dataDir, url, get(s, DATABASE_USER), get(s, DATABASE_PASSWORD),
        poolSize, get(s, ADMIN_TOKEN), networks, certs, get(s, SECRET_KEY), Duration.ofDays(retentionDays),
        Duration.ofSeconds(leaseSeconds), Duration.ofSeconds(nodeTimeoutSeconds),
        get(s, PUBLIC_URL).map(PublicUrl::parse));
  }

  public boolean usesPostgres() {
    return databaseUrl.map(u -> u.startsWith("jdbc:postgresql:")).orElse(false);
  }

  /** The JDBC URL actually used: the configured one, or the embedded H2 file in the data dir. */
  public String jdbcUrl() {
    return databaseUrl.orElseGet(() -> "jdbc:h2:file:" + dataDir.resolve("hookdesk")
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
        + ";LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=128");
  }

  private static Optional<String> get(Map<String, String> s, String key) {
    String v = s.get(key);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
  }

  private static int parsePort(String raw) {
    return parseInt(PORT, raw, 0, 65535);
  }

  private static int parseInt(String key, String raw, int min, int max) {
    try {
      int v = Integer.parseInt(raw);
      if (v < min || v > max) {
        throw new ConfigException(key, "'" + raw + "' is out of range; use " + min + " to " + max);
      }
      return v;
    } catch (NumberFormatException e) {
      throw new ConfigException(key, "'" + raw + "' is not a number; use " + min + " to " + max);
    }
  }

  private static void checkDatabaseUrl(String url) {
    if (!url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:h2:")) {
      throw new ConfigException(DATABASE_URL, "'" + url
          + "' is not supported; use jdbc:postgresql://host:5432/db (or jdbc:h2:… for embedded)");
    }
  }
}

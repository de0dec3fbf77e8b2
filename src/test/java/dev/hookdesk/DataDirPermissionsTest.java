package dev.hookdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hookdesk.config.HookdeskConfig;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The data dir holds the database, the secret key and the admin token: only its owner reads it. */
class DataDirPermissionsTest {

  @Test
  void aNewDataDirIsPrivateAndSoAreTheFilesInIt() throws Exception {
    assumeTrue(posix());
    Path dir = Files.createTempDirectory("hookdesk-perms").resolve("data");
    start(dir);
    assertThat(perms(dir)).isEqualTo("rwx------");
    assertThat(perms(dir.resolve("hookdesk.mv.db"))).isEqualTo("rw-------");
    assertThat(perms(dir.resolve("secret-key"))).isEqualTo("rw-------");
  }

  @Test
  void anExistingOpenDataDirOfOursIsTightened() throws Exception {
    assumeTrue(posix());
    Path dir = Files.createTempDirectory("hookdesk-perms");
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path old = Files.writeString(dir.resolve("admin-token"), "hd_old\n");
    Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rw-r--r--"));
    start(dir);
    assertThat(perms(dir)).isEqualTo("rwx------");
    assertThat(perms(old)).isEqualTo("rw-------");
    assertThat(perms(dir.resolve("hookdesk.mv.db"))).isEqualTo("rw-------");
  }

  private static void start(Path dir) {
    // H2 on purpose: the embedded database file is what lives in the data dir
    try (Hookdesk node = Hookdesk.start(HookdeskConfig.from(Map.of(
        HookdeskConfig.PORT, "0", HookdeskConfig.DATA_DIR, dir.toString())), Clock.systemUTC())) {
      assertThat(node.port()).isPositive();
    }
  }

  private static String perms(Path p) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  /** POSIX permissions exist everywhere Hookdesk is tested (Linux CI): there the test must run, not skip. */
  private static boolean posix() {
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    if (System.getProperty("os.name", "").startsWith("Linux")) {
      org.assertj.core.api.Assertions.assertThat(posix).as("POSIX file attributes on Linux").isTrue();
    }
    return posix;
  }
}

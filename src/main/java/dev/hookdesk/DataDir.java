package dev.hookdesk;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data dir holds the embedded database, the secret key and the admin token: only its
 * owner may read it (0700, files 0600). POSIX file systems only; elsewhere it is left as is.
 * Only what this process's user owns is changed.
 */
final class DataDir {
  private static final Logger log = LoggerFactory.getLogger(DataDir.class);
  private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(
      PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

  private DataDir() {}

  /** Creates the directory (0700) when missing, and tightens it when it is ours and open. */
  static void createPrivate(Path dir) throws IOException {
    if (!posix()) {
      Files.createDirectories(dir);
      return;
    }
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    }
    restrict(dir);
  }

  /** The directory and the regular files in it that are ours: owner-only. */
  static void tighten(Path dir) {
    if (!posix()) return;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      restrict(dir);
      for (Path f : files) {
        if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) restrict(f);
      }
    } catch (IOException e) {
      log.warn("cannot restrict the permissions in {}: {}", dir, e.toString());
    }
  }

  private static void restrict(Path p) throws IOException {
    if (!Files.getOwner(p, LinkOption.NOFOLLOW_LINKS).getName().equals(System.getProperty("user.name"))) {
      return;
    }
    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
    if (perms.retainAll(OWNER_ONLY)) Files.setPosixFilePermissions(p, perms);
  }

  private static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }
}

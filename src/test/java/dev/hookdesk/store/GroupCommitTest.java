package dev.hookdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * H2's group commit under concurrency: writers in and outside transactions all return (none
 * waits forever for a store) and every row is there after reopening. That each write was on
 * disk before its writer returned is checked with a SIGKILL in {@code CrashTest}.
 */
class GroupCommitTest {

  @Test
  void concurrentWritersAllReturnAndTheirRowsAreStored() throws Exception {
    Path dir = Files.createTempDirectory("hookdesk-groupcommit");
    String url = "jdbc:h2:file:" + dir.resolve("db") + ";MODE=PostgreSQL;DB_CLOSE_ON_EXIT=FALSE";
    int writers = 24;
    int each = 40;
    try (Database db = Database.open(url, Optional.empty(), Optional.empty(), 8)) {
      db.inTransaction(h -> h.execute("CREATE TABLE t (id VARCHAR(20) PRIMARY KEY, body VARCHAR)"));
      List<CompletableFuture<Void>> done = new ArrayList<>();
      try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
        for (int w = 0; w < writers; w++) {
          int writer = w;
          done.add(CompletableFuture.runAsync(() -> {
            for (int i = 0; i < each; i++) {
              String id = writer + "-" + i;
              if (i % 2 == 0) {
                db.inTransaction(h -> h.execute("INSERT INTO t VALUES (?, ?)", id, "x".repeat(500)));
              } else { // a write outside a transaction waits too
                db.read(h -> h.execute("INSERT INTO t VALUES (?, ?)", id, "y".repeat(500)));
              }
            }
          }, pool));
        }
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
      }
    }
    // A fresh open reads the file: every acknowledged row is there.
    try (Database db = Database.open(url, Optional.empty(), Optional.empty(), 2)) {
      long rows = db.read(h -> h.createQuery("SELECT COUNT(*) FROM t").mapTo(Long.class).one());
      assertThat(rows).isEqualTo((long) writers * each);
    }
  }

  @Test
  void onlyStatementsThatChangeRowsCountAsWrites() {
    assertThat(DurableWrites.isWrite("INSERT INTO t VALUES (1)")).isTrue();
    assertThat(DurableWrites.isWrite("\n  update t SET a = 1")).isTrue();
    assertThat(DurableWrites.isWrite("DELETE FROM t")).isTrue();
    assertThat(DurableWrites.isWrite("MERGE INTO t t USING (VALUES (1)) s (a) ON t.a = s.a")).isTrue();
    assertThat(DurableWrites.isWrite("SELECT id FROM t FOR UPDATE SKIP LOCKED")).isFalse();
    assertThat(DurableWrites.isWrite("SELECT pg_notify('c', '')")).isFalse();
    assertThat(DurableWrites.isWrite("")).isFalse();
  }
}

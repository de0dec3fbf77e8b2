package dev.hookdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Start-up failures end with one clear line and a non-zero exit, not a stack trace. */
class MainTest {

  @Test
  void badPortIsOneLineAndExitTwo() {
    Outcome o = run("serve", "--port", "abc");
    assertThat(o.code).isEqualTo(2);
    assertThat(o.err.strip()).isEqualTo("hookdesk: HOOKDESK_PORT: 'abc' is not a number; use 0 to 65535");
  }

  @Test
  void badPublicUrlIsOneLineAndExitTwo() {
    Outcome o = run("serve", "--port", "0", "--public-url", "desk.example");
    assertThat(o.code).isEqualTo(2);
    assertThat(o.err.strip()).startsWith("hookdesk: HOOKDESK_PUBLIC_URL: 'desk.example' is not")
        .doesNotContain("\n");
  }

  @Test
  void unwritableDataDirIsOneLine() throws Exception {
    Path file = Files.createTempFile("not-a-dir", "");
    Outcome o = run("serve", "--port", "0", "--data-dir", file.resolve("sub").toString());
    assertThat(o.code).isEqualTo(2);
    assertThat(o.err.strip()).startsWith("hookdesk: HOOKDESK_DATA_DIR: cannot write to").doesNotContain("\n");
  }

  @Test
  void unreachableDatabaseIsOneLine() throws Exception {
    Path dir = Files.createTempDirectory("hd");
    Outcome o = run("serve", "--port", "0", "--data-dir", dir.toString(),
        "--database-url", "jdbc:postgresql://127.0.0.1:1/nothing");
    assertThat(o.code).isEqualTo(2);
    assertThat(o.err.strip()).startsWith("hookdesk: cannot connect to jdbc:postgresql://127.0.0.1:1/nothing")
        .doesNotContain("\n\tat ");
  }

  private record Outcome(int code, String err) {}

  private static Outcome run(String... args) {
    PrintStream saved = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true));
    try {
      int code = new CommandLine(new Main()).execute(args);
      return new Outcome(code, err.toString());
    } finally {
      System.setErr(saved);
    }
  }
}

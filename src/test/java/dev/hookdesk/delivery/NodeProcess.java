package dev.hookdesk.delivery;

import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.TestNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A node in a JVM of its own ({@code dev.hookdesk.Main serve} on the test classpath), so a
 * test can kill it with SIGKILL ({@link Process#destroyForcibly()} on Linux).
 */
final class NodeProcess implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("listening on http://localhost:(\\d+)");
  private final Process process;
  private final Path log;
  private final int port;

  private NodeProcess(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /** Starts {@code serve} with these settings (HOOKDESK_* names) and waits until it listens. */
  static NodeProcess start(Map<String, String> settings) throws IOException {
    Path log = Files.createTempFile("hookdesk-node", ".log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(List.of(java, "-Xmx256m", "-cp",
        System.getProperty("java.class.path"), "dev.hookdesk.Main", "serve"));
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("HOOKDESK_"));
    env.put("HOOKDESK_PORT", "0");
    env.put("HOOKDESK_ADMIN_TOKEN", TestNode.OWNER_TOKEN);
    env.put("HOOKDESK_ALLOWED_NETWORKS", "127.0.0.0/8");
    env.putAll(settings);
    pb.redirectErrorStream(true).redirectOutput(log.toFile());
    Process p = pb.start();
    int[] port = {0};
    TestNode.await("the node in " + log + " to listen", 60_000, () -> {
      if (!p.isAlive()) throw new AssertionError("the node exited: " + read(log));
      Matcher m = LISTENING.matcher(read(log));
      if (!m.find()) return false;
      port[0] = Integer.parseInt(m.group(1));
      return true;
    });
    return new NodeProcess(p, log, port[0]);
  }

  static Map<String, String> settings(Path dataDir, int leaseSeconds) {
    Map<String, String> s = settings(dataDir);
    s.put("HOOKDESK_DELIVERY_LEASE_SECONDS", Integer.toString(leaseSeconds));
    return s;
  }

  /** The default lease and node timeout. */
  static Map<String, String> settings(Path dataDir) {
    Map<String, String> s = new HashMap<>();
    s.put("HOOKDESK_DATA_DIR", dataDir.toString());
    return s;
  }

  Api api() {
    return new Api("http://127.0.0.1:" + port, TestNode.OWNER_TOKEN);
  }

  /** SIGSTOP: the node stops dead in its tracks, connections open, until {@link #resume()}. */
  void pause() throws IOException, InterruptedException {
    signal("STOP");
  }

  /** SIGCONT: the paused node goes on where it stopped. */
  void resume() throws IOException, InterruptedException {
    signal("CONT");
  }

  private void signal(String name) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
    if (kill.waitFor() != 0) throw new IOException("kill -" + name + " failed");
  }

  /** What the node has printed and logged so far. */
  String output() {
    return read(log);
  }

  /** SIGKILL: no shutdown hook runs, nothing is released, requests in flight are cut. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  private static String read(Path log) {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "";
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (!process.isAlive()) return;
    process.destroy();
    if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) kill();
  }
}

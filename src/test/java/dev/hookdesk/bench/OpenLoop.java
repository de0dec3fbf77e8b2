package dev.hookdesk.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * Requests at a fixed offered rate, open loop: each leaves on schedule, on a virtual thread of
 * its own, whether or not the earlier ones were answered. Past {@value #GENERATOR_LIMIT} in
 * flight the generator drops a request rather than hold it (and counts it).
 */
final class OpenLoop {
  private static final int GENERATOR_LIMIT = 8192;

  private OpenLoop() {}

  /** What the generator dropped, and the process's CPU share (all cores) while it ran. */
  record Result(long dropped, double cpu) {}

  /** Runs {@code request} with 0, 1, 2… at {@code perSecond} for {@code seconds}; returns when every one has ended. */
  static Result run(int perSecond, int seconds, LongConsumer request) throws InterruptedException {
    Semaphore inFlight = new Semaphore(GENERATOR_LIMIT);
    long dropped = 0;
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpuStart = os.getProcessCpuTime();
    long start = System.nanoTime();
    long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (long i = 0; i < (long) perSecond * seconds; i++) {
        long wait = start + i * interval - System.nanoTime();
        if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
        if (!inFlight.tryAcquire()) {
          dropped++;
          continue;
        }
        long n = i;
        pool.submit(() -> {
          try {
            request.accept(n);
          } finally {
            inFlight.release();
          }
        });
      }
    }
    double cpu = (os.getProcessCpuTime() - cpuStart)
        / (double) ((System.nanoTime() - start) * Runtime.getRuntime().availableProcessors());
    return new Result(dropped, cpu);
  }
}

package dev.hookdesk.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Every log line written while open, with its stack trace, as an operator's log file would hold it. */
public final class LogLines implements AutoCloseable {
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  private LogLines() {
    appender.start();
    root.addAppender(appender);
  }

  public static LogLines capture() {
    return new LogLines();
  }

  public List<String> lines() {
    return List.copyOf(appender.list).stream()
        .map(e -> e.getLevel() + " " + e.getLoggerName() + " " + e.getFormattedMessage()
            + (e.getThrowableProxy() == null ? "" : "\n" + ThrowableProxyUtil.asString(e.getThrowableProxy())))
        .toList();
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    appender.stop();
  }
}

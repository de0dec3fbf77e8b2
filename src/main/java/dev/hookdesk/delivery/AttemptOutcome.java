package dev.hookdesk.delivery;

import dev.hookdesk.webhooks.send.AttemptResult;

/** The outcome label of an attempt in the log and the metrics. */
final class AttemptOutcome {
  static final String SUCCESS = "success";
  static final String HTTP_ERROR = "http_error";
  static final String NETWORK_ERROR = "network_error";

  private AttemptOutcome() {}

  static String of(AttemptResult r) {
    if (r.success()) return SUCCESS;
    return r.error() != null ? NETWORK_ERROR : HTTP_ERROR;
  }
}

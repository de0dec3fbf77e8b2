package dev.hookdesk.decisions;

/**
 * How one decision call ended: an agent, or the fallback reason (a value of the catalog's
 * {@code fallback_reason}) with a detail for the delivery log.
 *
 * @param serviceFailed whether it counts against the service's health (it did not answer well)
 */
record Verdict(String agentId, String reason, String detail, boolean serviceFailed) {
  static Verdict decided(String agentId) {
    return new Verdict(agentId, null, null, false);
  }

  static Verdict fallback(String reason, String detail, boolean serviceFailed) {
    return new Verdict(null, reason, detail, serviceFailed);
  }

  /** The label of the decision metric and the note in the delivery log. */
  String outcome() {
    return agentId != null ? "decided" : reason;
  }

  String note() {
    return agentId != null ? null : "fallback: " + reason + (detail == null ? "" : " (" + detail + ")");
  }
}

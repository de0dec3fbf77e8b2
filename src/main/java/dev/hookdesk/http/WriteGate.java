package dev.hookdesk.http;

/**
 * Lets a write to a workspace in, or refuses it before any of its work
 * ({@code DomainException.Busy}) when the node cannot take it soon.
 */
@FunctionalInterface
public interface WriteGate {
  WriteGate OPEN = workspaceId -> {};

  void admit(String workspaceId);
}

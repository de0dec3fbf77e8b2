package dev.hookdesk.http;

import java.util.Objects;

/** One registered API route: its method, full path template and who may call it. */
public record Route(String method, String path, Access access) {
  public Route {
    Objects.requireNonNull(method);
    Objects.requireNonNull(path);
    Objects.requireNonNull(access);
  }

  @Override
  public String toString() {
    return method + " " + path + " (" + access.name().toLowerCase() + ")";
  }
}

package dev.hookdesk.inspector;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookdesk.config.PublicUrl;
import dev.hookdesk.console.Chrome;
import dev.hookdesk.console.ConsoleGate;
import dev.hookdesk.console.ConsoleSession;
import dev.hookdesk.core.DomainException.Invalid;
import dev.hookdesk.http.Router;
import dev.hookdesk.http.Routes;
import dev.hookdesk.webhooks.Signer;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/** {@code /console/inspector}: bins, their capture URLs, and the live list of what arrived. */
final class InspectorPages implements Routes {
  static final String BASE = "/console/inspector";

  private final ConsoleGate gate;
  private final Inspector inspector;
  private final WebhookKeys webhookKeys;
  private final ObjectMapper mapper;
  private final Supplier<PublicUrl> publicUrl;

  InspectorPages(ConsoleGate gate, Inspector inspector, WebhookKeys webhookKeys, ObjectMapper mapper,
      Supplier<PublicUrl> publicUrl) {
    this.gate = Objects.requireNonNull(gate);
    this.inspector = Objects.requireNonNull(inspector);
    this.webhookKeys = Objects.requireNonNull(webhookKeys);
    this.mapper = Objects.requireNonNull(mapper);
    this.publicUrl = Objects.requireNonNull(publicUrl);
  }

  record BinRow(Bin bin, String captureUrl) {
    /** The add-webhook form, filled in to deliver here. */
    String newWebhookHref() {
      return "/console/webhooks/new?url=" + URLEncoder.encode(captureUrl, StandardCharsets.UTF_8)
          + "&description=" + URLEncoder.encode("Inspector: " + bin.name(), StandardCharsets.UTF_8);
    }
  }

  record IndexPage(Chrome chrome, List<BinRow> bins) {}

  /** The live list; {@code latest} lets the poller skip redraws when nothing arrived. */
  record Captures(String binId, String latest, List<CaptureView> items) {}

  record BinPage(Chrome chrome, BinRow row, String secret, Captures captures) {}

  /** One request with its whole body, for those the list shows cut. */
  record RequestPage(Chrome chrome, Bin bin, CaptureView capture) {}

  @Override
  public void register(Router router) {
    var routes = router.raw();
    routes.get(BASE, gate.page((ctx, s) -> gate.templates().send(ctx, 200, "inspector/index.jte",
        new IndexPage(s.chrome("Inspector", "inspector"), inspector.bins(s.workspaceId()).stream()
            .map(this::row).toList()))));
    routes.post(BASE + "/bins", gate.form((ctx, s) -> {
      String name = ctx.formParam("name") == null ? "" : ctx.formParam("name").trim();
      if (name.length() > 200) throw new Invalid("name", "must be at most 200 characters");
      Bin bin = inspector.create(s.workspaceId(), name.isEmpty() ? "Untitled bin" : name);
      ctx.redirect(BASE + "/" + bin.id(), HttpStatus.SEE_OTHER);
    }));
    routes.get(BASE + "/{bin}", gate.page((ctx, s) -> binPage(ctx, s, "")));
    // Without JavaScript the verify form posts here and gets the whole page back.
    routes.post(BASE + "/{bin}", gate.form((ctx, s) -> binPage(ctx, s, secret(ctx))));
    routes.post(BASE + "/{bin}/captures", gate.form(this::captures));
    routes.get(BASE + "/{bin}/requests/{request}", gate.page(this::requestPage));
    routes.post(BASE + "/{bin}/clear", gate.form((ctx, s) -> {
      inspector.clear(inspector.bin(s.workspaceId(), ctx.pathParam("bin")));
      ctx.redirect(BASE + "/" + ctx.pathParam("bin"), HttpStatus.SEE_OTHER);
    }));
    routes.post(BASE + "/{bin}/delete", gate.form((ctx, s) -> {
      inspector.delete(inspector.bin(s.workspaceId(), ctx.pathParam("bin")));
      ctx.redirect(BASE, HttpStatus.SEE_OTHER);
    }));
  }

  private void binPage(Context ctx, ConsoleSession s, String secret) {
    Bin bin = inspector.bin(s.workspaceId(), ctx.pathParam("bin"));
    gate.templates().send(ctx, 200, "inspector/bin.jte", new BinPage(
        s.chrome(bin.name() + " · Inspector", "inspector"), row(bin), secret,
        captures(bin, secret)));
  }

  private void requestPage(Context ctx, ConsoleSession s) {
    Bin bin = inspector.bin(s.workspaceId(), ctx.pathParam("bin"));
    Capture capture = inspector.capture(bin, ctx.pathParam("request"));
    gate.templates().send(ctx, 200, "inspector/request.jte", new RequestPage(
        s.chrome(capture.id() + " · " + bin.name() + " · Inspector", "inspector"), bin,
        CaptureView.of(capture, keys(bin, ""), mapper, Integer.MAX_VALUE)));
  }

  private void captures(Context ctx, ConsoleSession s) {
    Bin bin = inspector.bin(s.workspaceId(), ctx.pathParam("bin"));
    String known = ctx.formParam("latest");
    if (known != null && known.equals(inspector.latest(bin))) {
      ctx.status(204); // htmx keeps what it shows, open details included
      return;
    }
    gate.templates().send(ctx, 200, "inspector/captures.jte", captures(bin, secret(ctx)));
  }

  private Captures captures(Bin bin, String secret) {
    List<byte[]> keys = keys(bin, secret);
    List<CaptureView> items = inspector.captures(bin).stream()
        .map(c -> CaptureView.of(c, keys, mapper, CaptureView.LIST_BODY_CHARS)).toList();
    return new Captures(bin.id(), items.isEmpty() ? "" : items.get(0).id(), items);
  }

  private List<byte[]> keys(Bin bin, String secret) {
    List<byte[]> keys = new ArrayList<>();
    if (!secret.isEmpty()) keys.add(Signer.key(secret));
    keys.addAll(webhookKeys.keys(bin.workspaceId(), bin.capturePath()));
    return keys;
  }

  private static String secret(Context ctx) {
    String s = ctx.formParam("secret");
    return s == null ? "" : s.trim();
  }

  /** The capture URL on the node's public URL, never the Host header the browser sent. */
  private BinRow row(Bin bin) {
    return new BinRow(bin, publicUrl.get().resolve(bin.capturePath()));
  }
}

package dev.hookdesk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.AnnotationKeyword;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The node's own OpenAPI document as a check on its answers: which response schema fits a
 * (method, path, status), and whether a JSON body fits it. Loaded once per JVM from the first
 * node asked (every node runs the same code); schemas are compiled on first use and cached.
 */
public final class ApiContract {
  private static final String DOC_ID = "https://hookdesk.dev/openapi.json";
  private static final String API = "/api/v1";
  private static volatile ApiContract loaded;

  private final JsonNode doc;
  private final JsonSchemaFactory factory;
  /** Path templates by method, most literal segments first (so /webhooks/deleted beats /webhooks/{id}). */
  private final Map<String, List<Template>> templates = new HashMap<>();
  private final Map<String, Optional<JsonSchema>> compiled = new ConcurrentHashMap<>();

  private record Template(String path, Pattern regex, int literals) {}

  public ApiContract(JsonNode doc) {
    this.doc = doc;
    JsonMetaSchema meta = JsonMetaSchema.builder(JsonMetaSchema.getV202012())
        .keyword(new AnnotationKeyword("x-personal")).build();
    String text = doc.toString();
    this.factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
        b -> b.metaSchema(meta).schemaLoaders(l -> l.schemas(Map.of(DOC_ID, text))));
    doc.path("paths").properties().forEach(p -> {
      String path = p.getKey();
      String regex = Pattern.quote(path).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
      long literals = path.chars().filter(c -> c == '/').count()
          - path.chars().filter(c -> c == '{').count();
      Template t = new Template(path, Pattern.compile(regex), (int) literals);
      p.getValue().fieldNames().forEachRemaining(m ->
          templates.computeIfAbsent(m.toUpperCase(), k -> new ArrayList<>()).add(t));
    });
    templates.values().forEach(l -> l.sort(Comparator.comparingInt(Template::literals).reversed()));
  }

  /** The contract of the node at {@code base}, fetched once per JVM. */
  static ApiContract of(String base, HttpClient client, ObjectMapper mapper) {
    ApiContract c = loaded;
    if (c != null) return c;
    synchronized (ApiContract.class) {
      if (loaded != null) return loaded;
      try {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + API + "/openapi.json"))
            .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IllegalStateException("GET /api/v1/openapi.json answered " + r.statusCode());
        loaded = new ApiContract(mapper.readTree(r.body()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      return loaded;
    }
  }

  /** The path template that serves a concrete {@code /api/v1/...} path, if any. */
  public Optional<String> template(String method, String path) {
    if (!path.startsWith(API + "/")) return Optional.empty();
    String rest = path.substring(API.length());
    for (Template t : templates.getOrDefault(method, List.of())) {
      if (t.regex().matcher(rest).matches()) return Optional.of(t.path());
    }
    return Optional.empty();
  }

  /**
   * Why this answer does not fit the document, or empty when it does (or when the document
   * does not describe the route: the coverage test reports that).
   */
  public Optional<String> mismatch(String method, String path, int status, String contentType, JsonNode body) {
    Optional<String> template = template(method, path);
    if (template.isEmpty()) return Optional.empty();
    JsonNode responses = doc.path("paths").path(template.get()).path(method.toLowerCase()).path("responses");
    String key = responses.has(String.valueOf(status)) ? String.valueOf(status)
        : responses.has(status / 100 + "XX") ? status / 100 + "XX" : "default";
    String where = method + " " + template.get() + " " + status;
    if (!responses.has(key)) return Optional.of(where + ": status not in the document");
    JsonNode content = responses.get(key).path("content");
    if (body == null) {
      return content.isEmpty() || status == 204 ? Optional.empty()
          : Optional.of(where + ": the document promises a body, the answer has none");
    }
    String media = contentType == null ? "" : contentType.split(";")[0].trim();
    if (!content.has(media)) {
      return Optional.of(where + ": content type '" + media + "' not in the document " + content.properties().stream()
          .map(Map.Entry::getKey).toList());
    }
    String pointer = "/paths/" + escape(template.get()) + "/" + method.toLowerCase() + "/responses/"
        + escape(key) + "/content/" + escape(media) + "/schema";
    Optional<JsonSchema> schema = compiled.computeIfAbsent(pointer, this::compile);
    if (schema.isEmpty()) return Optional.empty();
    var errors = schema.get().validate(body);
    if (errors.isEmpty()) return Optional.empty();
    return Optional.of(where + " does not fit the document: " + errors.stream()
        .map(Object::toString).limit(5).collect(Collectors.joining("; ")));
  }

  private Optional<JsonSchema> compile(String pointer) {
    if (doc.at(pointer).isMissingNode()) return Optional.empty();
    return Optional.of(factory.getSchema(SchemaLocation.of(DOC_ID + "#" + pointer)));
  }

  private static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}

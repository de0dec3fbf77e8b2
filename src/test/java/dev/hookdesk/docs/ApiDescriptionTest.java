package dev.hookdesk.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.AnnotationKeyword;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import dev.hookdesk.events.catalog.EventType;
import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.ApiContract;
import dev.hookdesk.testing.TestNode;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** SPEC §11: the OpenAPI and AsyncAPI documents are valid, served without a token, and complete. */
class ApiDescriptionTest {
  @RegisterExtension static final TestNode node = TestNode.perClass();
  static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void everyRegisteredRouteIsDescribedAndNothingElse() {
    var docs = node.node().apiDocs();
    var routes = node.node().apiRoutes();
    assertThat(routes).hasSizeGreaterThan(90);
    assertThat(docs.undescribed(routes))
        .as("registered /api/v1 routes missing from src/main/resources/api/*.json")
        .isEmpty();
    assertThat(docs.unregistered(routes))
        .as("operations in src/main/resources/api/*.json that no route serves")
        .isEmpty();
  }

  @Test
  void openApiIsServedWithoutTokenAndSecuredAsTheRoutesAre() {
    Api anonymous = new Api(node.baseUrl(), null);
    JsonNode doc = anonymous.get("/openapi.json").expect(200).json();
    assertThat(doc.path("openapi").asText()).startsWith("3.1.");
    assertThat(anonymous.get("/asyncapi.json").expect(200).json().path("asyncapi").asText()).isEqualTo("3.0.0");
    assertThat(doc.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
    assertThat(doc.at("/paths/~1openapi.json/get/security")).isEmpty();
    assertThat(doc.at("/paths/~1workspaces/post/x-hookdesk-access").asText()).isEqualTo("owner");
    assertThat(doc.at("/paths/~1tickets/get/responses/401/content/application~1problem+json/schema/$ref").asText())
        .isEqualTo("#/components/schemas/problem");
  }

  @Test
  void openApiValidatesAsOpenApi31() {
    String text = node.admin().get("/openapi.json").expect(200).text();
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, options);
    assertThat(result.getMessages()).as("swagger-parser's findings").isEmpty();
    assertThat(result.getOpenAPI().getOpenapi()).startsWith("3.1.");
    assertThat(result.getOpenAPI().getPaths()).hasSizeGreaterThan(60);
    assertThat(result.getOpenAPI().getWebhooks()).hasSize(node.node().catalog().all().size());

    // The validator does look: the same document with an operation lacking responses is refused.
    String broken = text.replaceFirst("\"responses\":\\{", "\"responsez\":{");
    assertThat(new OpenAPIV3Parser().readContents(broken, null, options).getMessages()).isNotEmpty();
  }

  @Test
  void everyReferenceResolvesAndEverySchemaIsJsonSchema202012() throws Exception {
    JsonNode doc = MAPPER.readTree(node.admin().get("/openapi.json").text());
    List<String> broken = new ArrayList<>();
    refs(doc, broken, doc);
    assertThat(broken).as("$refs that point nowhere").isEmpty();
    Set<String> ids = new HashSet<>();
    doc.path("paths").forEach(item -> item.forEach(op -> {
      assertThat(ids.add(op.path("operationId").asText())).as("unique operationId").isTrue();
      assertThat(op.path("responses").size()).isGreaterThan(0);
    }));
    var meta = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
        .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
    doc.at("/components/schemas").properties().forEach(s ->
        assertThat(meta.validate(s.getValue())).as("schema " + s.getKey()).isEmpty());
  }

  @Test
  void asyncApiHasEveryCatalogTypeAndItsSamplesFitThePayloads() throws Exception {
    String text = new Api(node.baseUrl(), null).get("/asyncapi.json").expect(200).text();
    JsonNode doc = MAPPER.readTree(text);
    assertThat(doc.path("asyncapi").asText()).isEqualTo("3.0.0");
    List<String> broken = new ArrayList<>();
    refs(doc, broken, doc);
    assertThat(broken).as("$refs that point nowhere").isEmpty();
    assertThat(doc.at("/operations/sendEvent/action").asText()).isEqualTo("send");

    Set<String> types = new TreeSet<>();
    doc.at("/components/messages").forEach(m -> types.add(m.path("name").asText()));
    Set<String> catalog = new TreeSet<>();
    node.node().catalog().all().forEach(t -> catalog.add(t.type()));
    assertThat(types).isEqualTo(catalog);
    assertThat(doc.at("/operations/sendEvent/messages").size()).isEqualTo(catalog.size());
    assertThat(doc.at("/components/schemas/webhook_headers/required").toString())
        .contains("webhook-id", "webhook-timestamp", "webhook-signature");

    JsonMetaSchema meta = JsonMetaSchema.builder(JsonMetaSchema.getV202012())
        .keyword(new AnnotationKeyword("x-personal")).build();
    var factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
        b -> b.metaSchema(meta).schemaLoaders(l -> l.schemas(Map.of("https://hookdesk.dev/asyncapi.json", text))));
    for (EventType t : node.node().catalog().all()) {
      String pointer = doc.at("/components/messages/" + t.type().replace('.', '_') + "/payload/$ref").asText();
      var schema = factory.getSchema(SchemaLocation.of("https://hookdesk.dev/asyncapi.json" + pointer));
      assertThat(schema.validate(t.sample())).as(t.type() + " sample against its payload").isEmpty();
      JsonNode wrong = t.sample().deepCopy();
      ((com.fasterxml.jackson.databind.node.ObjectNode) wrong).remove("data");
      assertThat(schema.validate(wrong)).as(t.type() + " without data").isNotEmpty();
    }
  }

  @Test
  void anAnswerThatDoesNotFitIsCaught() throws Exception {
    JsonNode doc = MAPPER.readTree(node.admin().get("/openapi.json").text());
    ApiContract contract = new ApiContract(doc);
    JsonNode queue = node.admin().post("/queues", "{\"name\":\"Fits\"}").expect(201).json();
    String path = "/api/v1/queues/" + queue.path("id").asText();
    assertThat(contract.mismatch("GET", path, 200, "application/json", queue)).isEmpty();
    JsonNode extra = ((com.fasterxml.jackson.databind.node.ObjectNode) queue.deepCopy()).put("colour", "red");
    assertThat(contract.mismatch("GET", path, 200, "application/json", extra)).get().asString()
        .contains("GET /queues/{id} 200", "colour");
    assertThat(contract.mismatch("GET", path, 404, "application/json", queue)).get().asString()
        .contains("content type 'application/json'");
    assertThat(contract.mismatch("GET", "/api/v1/webhooks/deleted", 200, "application/json",
        MAPPER.readTree("{\"data\":[],\"next_cursor\":null}"))).isEmpty();
  }

  private static void refs(JsonNode node, List<String> broken, JsonNode root) {
    if (node.isObject()) {
      JsonNode ref = node.get("$ref");
      if (ref != null && ref.isTextual()) {
        String r = ref.asText();
        if (!r.startsWith("#/") || root.at(r.substring(1)).isMissingNode()) broken.add(r);
      }
      node.forEach(child -> refs(child, broken, root));
    } else if (node.isArray()) {
      node.forEach(child -> refs(child, broken, root));
    }
  }
}

package dev.hookdesk.core;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The JSON conventions of the API: snake_case names, RFC 3339 UTC times with milliseconds. */
public final class Json {
  private static final DateTimeFormatter RFC3339_MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  /** How deep a request body may nest (see {@link #forRequests}). */
  public static final int MAX_REQUEST_DEPTH = 32;

  private Json() {}

  public static ObjectMapper newMapper() {
    SimpleModule times = new SimpleModule("hookdesk-times");
    times.addSerializer(Instant.class, new StdSerializer<>(Instant.class) {
      @Override
      public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider)
          throws IOException {
        gen.writeString(time(value));
      }
    });
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .registerModule(times)
        .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  /**
   * The mapper that reads request bodies: a key given twice is an error (a proxy or validator
   * may read the first where Jackson keeps the last), and bodies nest at most
   * {@value #MAX_REQUEST_DEPTH} levels. The limit is lower than Jackson's default on purpose:
   * stored events wrap request values a few levels deeper, and the general mapper (default
   * limits) must always read them back.
   */
  public static ObjectMapper forRequests(ObjectMapper mapper) {
    StreamReadConstraints limits = StreamReadConstraints.builder()
        .maxNestingDepth(MAX_REQUEST_DEPTH).build();
    JsonFactory strict = JsonFactory.builder()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .streamReadConstraints(limits)
        .build();
    return mapper.copyWith(strict);
  }

  public static String time(Instant instant) {
    return RFC3339_MILLIS.format(instant);
  }

  public static String write(ObjectMapper mapper, Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
    }
  }

  public static JsonNode read(ObjectMapper mapper, String text) {
    try {
      return mapper.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static ObjectNode object(ObjectMapper mapper) {
    return mapper.createObjectNode();
  }
}

package org.poahub.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.poahub.registry.RegistryUnavailableException.Reason;

/**
 * Client of the Confluent Schema Registry REST API ({@code application/vnd.schemaregistry.v1+json}) on the
 * JDK's HttpClient.
 *
 * <p>Written here because Confluent's Java client ({@code io.confluent:kafka-schema-registry-client}) is only
 * published to Confluent's own Maven repository, which this project cannot reach. It speaks the same
 * protocol, so any Confluent-compatible registry works. No caching: wrap it in {@link CachedSchemaRegistryClient}.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

  static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RegistryClientConfig config;
  private final HttpClient http;
  private final String authorization;

  public RestSchemaRegistryClient(RegistryClientConfig config) {
    this.config = config;
    this.http = HttpClient.newBuilder().connectTimeout(config.connectTimeout()).build();
    this.authorization = config.userInfo() == null ? null
        : "Basic " + Base64.getEncoder().encodeToString(config.userInfo().getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public int register(String subject, Schema schema) {
    JsonNode body = send("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(schema), subject, -1);
    return body.path("id").asInt();
  }

  @Override
  public RegisteredSchema lookup(String subject, Schema schema) {
    JsonNode body = send("POST", "/subjects/" + encode(subject), schemaBody(schema), subject, -1);
    return registered(body, subject);
  }

  @Override
  public Schema schemaById(int id) {
    JsonNode body = send("GET", "/schemas/ids/" + id, null, null, id);
    return parseSchema(body, "schema id " + id);
  }

  @Override
  public RegisteredSchema latestVersion(String subject) {
    return registered(send("GET", "/subjects/" + encode(subject) + "/versions/latest", null, subject, -1), subject);
  }

  @Override
  public RegisteredSchema version(String subject, int version) {
    return registered(send("GET", "/subjects/" + encode(subject) + "/versions/" + version, null, subject, -1), subject);
  }

  @Override
  public boolean isCompatible(String subject, String version, Schema schema) {
    JsonNode body = send("POST", "/compatibility/subjects/" + encode(subject) + "/versions/" + encode(version),
        schemaBody(schema), subject, -1);
    return body.path("is_compatible").asBoolean(false);
  }

  @Override
  public String compatibility() {
    return send("GET", "/config", null, null, -1).path("compatibilityLevel").asText(null);
  }

  @Override
  public String compatibility(String subject) {
    return send("GET", "/config/" + encode(subject) + "?defaultToGlobal=true", null, subject, -1)
        .path("compatibilityLevel").asText(null);
  }

  @Override
  public void setCompatibility(String subject, String level) {
    ObjectNode body = JSON.createObjectNode().put("compatibility", level);
    send("PUT", subject == null ? "/config" : "/config/" + encode(subject), body.toString(), subject, -1);
  }

  @Override
  public List<String> subjects() {
    List<String> subjects = new ArrayList<>();
    send("GET", "/subjects", null, null, -1).forEach(n -> subjects.add(n.asText()));
    return subjects;
  }

  @Override
  public List<Integer> versions(String subject) {
    List<Integer> versions = new ArrayList<>();
    send("GET", "/subjects/" + encode(subject) + "/versions", null, subject, -1).forEach(n -> versions.add(n.asInt()));
    return versions;
  }

  private static String schemaBody(Schema schema) {
    // schemaType is omitted: AVRO is the protocol's default, and old registries reject the field.
    return JSON.createObjectNode().put("schema", schema.toString()).toString();
  }

  private static RegisteredSchema registered(JsonNode body, String subject) {
    return new RegisteredSchema(body.path("subject").asText(subject), body.path("version").asInt(),
        body.path("id").asInt(), parseSchema(body, "subject " + subject));
  }

  private static Schema parseSchema(JsonNode body, String where) {
    String type = body.path("schemaType").asText("AVRO");
    if (!"AVRO".equals(type)) {
      throw new RegistryRequestRejectedException(
          "The registry's " + where + " is a " + type + " schema; only AVRO is supported", 200, 0);
    }
    if (body.path("references").size() > 0) {
      throw new RegistryRequestRejectedException(
          "The registry's " + where + " uses schema references, which this client does not resolve", 200, 0);
    }
    try {
      return new Schema.Parser().parse(body.path("schema").asText());
    } catch (SchemaParseException e) {
      throw new RegistryRequestRejectedException(
          "The registry's " + where + " is not a valid Avro schema: " + e.getMessage(), 200, 0);
    }
  }

  private JsonNode send(String method, String path, String body, String subject, int schemaId) {
    RegistryUnavailableException lastFailure = null;
    for (URI base : config.urls()) {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
          .timeout(config.requestTimeout())
          .header("Accept", CONTENT_TYPE + ", application/json")
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
      if (body != null) {
        request.header("Content-Type", CONTENT_TYPE);
      }
      if (authorization != null) {
        request.header("Authorization", authorization);
      }
      HttpResponse<String> response;
      try {
        response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (HttpConnectTimeoutException e) {
        lastFailure = unavailable(Reason.UNREACHABLE, base, method, path, "connect timeout", 0, e);
        continue;
      } catch (HttpTimeoutException e) {
        lastFailure = unavailable(Reason.TIMEOUT, base, method, path,
            "no answer within " + config.requestTimeout().toMillis() + " ms", 0, e);
        continue;
      } catch (ConnectException e) {
        lastFailure = unavailable(Reason.UNREACHABLE, base, method, path, "connection refused", 0, e);
        continue;
      } catch (IOException e) {
        lastFailure = unavailable(Reason.UNREACHABLE, base, method, path, String.valueOf(e), 0, e);
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw unavailable(Reason.INTERRUPTED, base, method, path, "interrupted", 0, e);
      }
      return handle(response, base, method, path, subject, schemaId);
    }
    throw lastFailure;
  }

  private static JsonNode handle(HttpResponse<String> response, URI base, String method, String path,
      String subject, int schemaId) {
    int status = response.statusCode();
    JsonNode body = parseJson(response.body());
    if (status >= 200 && status < 300) {
      if (body == null) {
        throw unavailable(Reason.NOT_A_REGISTRY, base, method, path, "answer " + status + " is not JSON", status, null);
      }
      return body;
    }
    int errorCode = body == null ? 0 : body.path("error_code").asInt(0);
    String registryMessage = body == null ? "" : body.path("message").asText("");
    String detail = "HTTP " + status + (errorCode == 0 ? "" : " error " + errorCode)
        + (registryMessage.isEmpty() ? "" : ": " + registryMessage);
    String about = subject != null ? "subject " + subject : schemaId >= 0 ? "schema id " + schemaId : path;
    switch (status) {
      case 404 -> {
        if (errorCode / 100 != 404) {
          throw unavailable(Reason.NOT_A_REGISTRY, base, method, path, detail, status, null);
        }
        String what = switch (errorCode) {
          case 40401 -> "Subject " + subject + " is not registered";
          case 40402 -> "Version not found for subject " + subject;
          case 40403 -> subject != null ? "Schema not registered under subject " + subject
              : "Unknown schema id " + schemaId;
          default -> "Not found: " + about;
        };
        throw new SchemaNotFoundException(what + " in the schema registry (" + detail + ")", subject, schemaId, errorCode);
      }
      case 409 -> throw new IncompatibleSchemaException(
          "Schema incompatible with earlier versions of subject " + subject + " (" + detail + ")", subject, -1, null);
      case 401, 403 -> throw unavailable(Reason.NOT_AUTHORIZED, base, method, path, detail, status, null);
      case 408 -> throw unavailable(Reason.TIMEOUT, base, method, path, detail, status, null);
      case 429 -> throw unavailable(Reason.RATE_LIMITED, base, method, path, detail, status, null);
      default -> {
        if (status >= 500 || status < 400) {
          throw unavailable(Reason.SERVER_ERROR, base, method, path, detail, status, null);
        }
        throw new RegistryRequestRejectedException(
            "The schema registry refused the request about " + about + " (" + detail + ")",
            status, errorCode == 0 ? status : errorCode);
      }
    }
  }

  private static JsonNode parseJson(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      return null;
    }
  }

  private static RegistryUnavailableException unavailable(Reason reason, URI base, String method, String path,
      String detail, int status, Throwable cause) {
    return new RegistryUnavailableException(
        "Schema registry " + base + " unavailable (" + reason + ") for " + method + " " + path + ": " + detail,
        reason, status, cause);
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}

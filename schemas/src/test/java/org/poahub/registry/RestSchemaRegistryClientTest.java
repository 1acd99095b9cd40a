package org.poahub.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.poahub.contract.ProgressReport;
import org.poahub.contract.ReportOutcome;
import org.poahub.registry.RegistryUnavailableException.Reason;

class RestSchemaRegistryClientTest {

  private static final Schema PROGRESS = ProgressReport.getClassSchema();
  private static final String SUBJECT = "poa.bo-l.progress-value";

  private final CannedRegistryServer server;
  private final RestSchemaRegistryClient client;

  RestSchemaRegistryClientTest() throws IOException {
    server = new CannedRegistryServer();
    client = new RestSchemaRegistryClient(RegistryClientConfig.of(server.url(), "agent-bo-l:s3cret"));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static String schemaJson(Schema schema) {
    return new ObjectMapper().createObjectNode().put("schema", schema.toString()).toString();
  }

  private static String registered(int id, int version, Schema schema) {
    return new ObjectMapper().createObjectNode().put("subject", SUBJECT).put("id", id).put("version", version)
        .put("schema", schema.toString()).toString();
  }

  @Test
  void registersWithTheConfluentMediaTypeAndBasicAuth() throws IOException {
    server.on("POST /subjects/" + SUBJECT + "/versions", 200, "{\"id\":7}");

    assertThat(client.register(SUBJECT, PROGRESS)).isEqualTo(7);

    CannedRegistryServer.Request request = server.requests.get(0);
    assertThat(request.headers().get("Content-type")).containsExactly("application/vnd.schemaregistry.v1+json");
    assertThat(request.headers().get("Authorization")).containsExactly(
        "Basic " + Base64.getEncoder().encodeToString("agent-bo-l:s3cret".getBytes()));
    assertThat(new Schema.Parser().parse(new ObjectMapper().readTree(request.body()).get("schema").asText()))
        .isEqualTo(PROGRESS);
  }

  @Test
  void readsSchemasVersionsConfigAndSubjects() {
    server.on("GET /schemas/ids/3", 200, schemaJson(PROGRESS))
        .on("POST /subjects/" + SUBJECT, 200, registered(3, 2, PROGRESS))
        .on("GET /subjects/" + SUBJECT + "/versions/latest", 200, registered(3, 2, PROGRESS))
        .on("GET /subjects/" + SUBJECT + "/versions/1", 200, registered(1, 1, PROGRESS))
        .on("POST /compatibility/subjects/" + SUBJECT + "/versions/latest", 200, "{\"is_compatible\":true}")
        .on("GET /config", 200, "{\"compatibilityLevel\":\"FULL_TRANSITIVE\"}")
        .on("GET /config/" + SUBJECT + "?defaultToGlobal=true", 200, "{\"compatibilityLevel\":\"FULL\"}")
        .on("PUT /config/" + SUBJECT, 200, "{\"compatibility\":\"FULL_TRANSITIVE\"}")
        .on("GET /subjects", 200, "[\"" + SUBJECT + "\",\"poa.bo-l.outcomes-value\"]")
        .on("GET /subjects/" + SUBJECT + "/versions", 200, "[1,2]");

    assertThat(client.schemaById(3)).isEqualTo(PROGRESS);
    assertThat(client.lookup(SUBJECT, PROGRESS)).isEqualTo(new RegisteredSchema(SUBJECT, 2, 3, PROGRESS));
    assertThat(client.latestVersion(SUBJECT).version()).isEqualTo(2);
    assertThat(client.version(SUBJECT, 1).id()).isEqualTo(1);
    assertThat(client.isCompatible(SUBJECT, "latest", PROGRESS)).isTrue();
    assertThat(client.compatibility()).isEqualTo("FULL_TRANSITIVE");
    assertThat(client.compatibility(SUBJECT)).isEqualTo("FULL");
    client.setCompatibility(SUBJECT, "FULL_TRANSITIVE");
    assertThat(server.requests.get(server.requests.size() - 1).body()).isEqualTo("{\"compatibility\":\"FULL_TRANSITIVE\"}");
    assertThat(client.subjects()).containsExactly(SUBJECT, "poa.bo-l.outcomes-value");
    assertThat(client.versions(SUBJECT)).containsExactly(1, 2);
  }

  @Test
  void serverErrorsAndRateLimitsAreTransient() {
    server.on("GET /schemas/ids/1", 500, "{\"error_code\":50001,\"message\":\"Error in the backend data store\"}")
        .on("GET /schemas/ids/2", 503, "")
        .on("GET /schemas/ids/3", 429, "{\"error_code\":429,\"message\":\"Too many requests\"}")
        .on("GET /schemas/ids/4", 401, "{\"error_code\":401,\"message\":\"Unauthorized\"}");

    assertTransient(() -> client.schemaById(1), Reason.SERVER_ERROR, 500, "50001");
    assertTransient(() -> client.schemaById(2), Reason.SERVER_ERROR, 503, "HTTP 503");
    assertTransient(() -> client.schemaById(3), Reason.RATE_LIMITED, 429, "Too many requests");
    assertTransient(() -> client.schemaById(4), Reason.NOT_AUTHORIZED, 401, "Unauthorized");
  }

  @Test
  void refusedConnectionIsTransient() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    RestSchemaRegistryClient nowhere = new RestSchemaRegistryClient(RegistryClientConfig.of("http://127.0.0.1:" + closedPort, null));
    assertTransient(() -> nowhere.schemaById(1), Reason.UNREACHABLE, 0, "127.0.0.1:" + closedPort);
  }

  @Test
  void unansweredRequestTimesOutAsTransient() {
    server.hang("GET /schemas/ids/1");
    RestSchemaRegistryClient impatient = new RestSchemaRegistryClient(new RegistryClientConfig(
        List.of(URI.create(server.url())), null, Duration.ofSeconds(2), Duration.ofMillis(300)));
    assertTransient(() -> impatient.schemaById(1), Reason.TIMEOUT, 0, "no answer within 300 ms");
  }

  @Test
  void triesTheNextUrlWhenOneIsUnreachable() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    server.on("GET /schemas/ids/3", 200, schemaJson(PROGRESS));
    RestSchemaRegistryClient failover = new RestSchemaRegistryClient(
        RegistryClientConfig.of("http://127.0.0.1:" + closedPort + "," + server.url(), null));
    assertThat(failover.schemaById(3)).isEqualTo(PROGRESS);
  }

  @Test
  void notFoundConflictAndInvalidSchemaArePermanent() {
    server.on("GET /schemas/ids/99", 404, "{\"error_code\":40403,\"message\":\"Schema 99 not found\"}")
        .on("POST /subjects/" + SUBJECT, 404, "{\"error_code\":40401,\"message\":\"Subject not found\"}")
        .on("POST /subjects/" + SUBJECT + "/versions", 409,
            "{\"error_code\":409,\"message\":\"Schema being registered is incompatible with an earlier schema\"}")
        .on("POST /subjects/bad-value/versions", 422, "{\"error_code\":42201,\"message\":\"Invalid schema\"}");

    assertThatThrownBy(() -> client.schemaById(99))
        .isInstanceOfSatisfying(SchemaNotFoundException.class, e -> {
          assertThat(e.isTransient()).isFalse();
          assertThat(e.schemaId()).isEqualTo(99);
          assertThat(e.errorCode()).isEqualTo(40403);
        })
        .hasMessageContaining("Unknown schema id 99");
    assertThatThrownBy(() -> client.lookup(SUBJECT, PROGRESS))
        .isInstanceOfSatisfying(SchemaNotFoundException.class, e -> assertThat(e.subject()).isEqualTo(SUBJECT))
        .hasMessageContaining("Subject " + SUBJECT + " is not registered");
    assertThatThrownBy(() -> client.register(SUBJECT, PROGRESS))
        .isInstanceOfSatisfying(IncompatibleSchemaException.class, e -> assertThat(e.isTransient()).isFalse())
        .hasMessageContaining(SUBJECT).hasMessageContaining("incompatible with an earlier schema");
    assertThatThrownBy(() -> client.register("bad-value", PROGRESS))
        .isInstanceOfSatisfying(RegistryRequestRejectedException.class, e -> {
          assertThat(e.isTransient()).isFalse();
          assertThat(e.httpStatus()).isEqualTo(422);
          assertThat(e.errorCode()).isEqualTo(42201);
        });
  }

  @Test
  void notFoundWithoutARegistryErrorIsAWrongUrlAndTransient() {
    server.on("GET /schemas/ids/1", 404, "<html>Not Found</html>");
    assertTransient(() -> client.schemaById(1), Reason.NOT_A_REGISTRY, 404, "HTTP 404");
  }

  @Test
  void deserializerAsksTheRegistryOncePerSchemaId() {
    server.on("GET /schemas/ids/1", 200, schemaJson(PROGRESS));
    InMemorySchemaRegistryClient local = new InMemorySchemaRegistryClient();
    local.register(SUBJECT, PROGRESS);
    byte[] payload = new AvroWireSerializer<ProgressReport>(local, Map.of(), false)
        .serialize("poa.bo-l.progress", SampleRecords.progress());
    AvroWireDeserializer<SpecificRecord> deserializer = new AvroWireDeserializer<>();
    deserializer.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, server.url()), false);

    for (int i = 0; i < 50; i++) {
      assertThat(deserializer.deserialize("poa.bo-l.progress", payload)).isEqualTo(SampleRecords.progress());
    }

    assertThat(server.calls("GET /schemas/ids/1")).isEqualTo(1);
  }

  @Test
  void serializerLooksUpOncePerSubjectAndSchemaAndRetriesAfterATransientError() {
    server.on("POST /subjects/" + SUBJECT, 503, "")
        .on("POST /subjects/" + SUBJECT, 200, registered(5, 2, PROGRESS))
        .on("POST /subjects/poa.bo-l.outcomes-value", 200, registered(6, 1, ReportOutcome.getClassSchema()));
    AvroWireSerializer<SpecificRecord> serializer = new AvroWireSerializer<>();
    serializer.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, server.url(),
        SerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO", SerdeConfig.BASIC_AUTH_USER_INFO, "agent-bo-l:s3cret"), false);

    assertThatThrownBy(() -> serializer.serialize("poa.bo-l.progress", SampleRecords.progress()))
        .isInstanceOfSatisfying(RegistryUnavailableException.class, e -> assertThat(e.isTransient()).isTrue());
    for (int i = 0; i < 20; i++) {
      assertThat(serializer.serialize("poa.bo-l.progress", SampleRecords.progress())[4]).isEqualTo((byte) 5);
      assertThat(serializer.serialize("poa.bo-l.outcomes", SampleRecords.outcome())[4]).isEqualTo((byte) 6);
    }

    assertThat(server.calls("POST /subjects/" + SUBJECT)).isEqualTo(2);
    assertThat(server.calls("POST /subjects/poa.bo-l.outcomes-value")).isEqualTo(1);
    assertThat(server.calls("POST /subjects/" + SUBJECT + "/versions")).isZero();
    assertThat(server.requests).allSatisfy(r -> assertThat(r.headers()).containsKey("Authorization"));
  }

  @Test
  void autoRegistrationRegistersOnce() {
    server.on("POST /subjects/" + SUBJECT + "/versions", 200, "{\"id\":9}");
    AvroWireSerializer<ProgressReport> serializer = new AvroWireSerializer<>();
    serializer.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, server.url(), SerdeConfig.AUTO_REGISTER_SCHEMAS, true), false);
    for (int i = 0; i < 10; i++) {
      assertThat(serializer.serialize("poa.bo-l.progress", SampleRecords.progress())[4]).isEqualTo((byte) 9);
    }
    assertThat(server.calls("POST /subjects/" + SUBJECT + "/versions")).isEqualTo(1);
  }

  private static void assertTransient(Runnable call, Reason reason, int status, String messagePart) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(RegistryUnavailableException.class, e -> {
          assertThat(e.isTransient()).isTrue();
          assertThat(e.reason()).isEqualTo(reason);
          assertThat(e.httpStatus()).isEqualTo(status);
        })
        .isInstanceOf(TransientSerdeException.class)
        .hasMessageContaining(messagePart);
  }
}

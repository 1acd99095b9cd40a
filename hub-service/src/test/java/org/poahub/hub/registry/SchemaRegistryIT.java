package org.poahub.hub.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.poahub.hub.registry.RegistryHttp.schemaRequest;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.poahub.contract.ProgressReport;
import org.poahub.hub.RealServers;
import org.poahub.hub.registry.RegistryHttp.Answer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SchemaRegistryIT {

    static final String WRITER = "registry-writer";
    static final String WRITER_PASSWORD = UUID.randomUUID().toString();
    /** An agent's account: reads the registry, never writes. */
    static final String READER = "agente-lector";

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        RealServers.register(registry);
        registry.add("poa.security.users[1].name", () -> WRITER);
        registry.add("poa.security.users[1].password", () -> "{noop}" + WRITER_PASSWORD);
        registry.add("poa.security.users[1].roles[0]", () -> "ESQUEMAS");
        registry.add("poa.security.users[2].name", () -> READER);
        registry.add("poa.security.users[2].password", () -> "{noop}" + WRITER_PASSWORD);
        registry.add("poa.security.users[2].roles[0]", () -> "AGENTE");
    }

    static final String V1 = record("""
            {"name": "a", "type": "string"}""");
    static final String V1_REFORMATTED = """
            {
              "type" : "record", "namespace": "t",
              "name" : "R",
              "fields" : [ { "type": "string",   "name": "a" } ]
            }
            """;
    /** Adds an optional field: compatible in every direction. */
    static final String V2_OPTIONAL = record("""
            {"name": "a", "type": "string"}, {"name": "b", "type": ["null", "string"], "default": null}""");
    /** Adds a required field: FORWARD but not BACKWARD compatible. */
    static final String V2_REQUIRED = record("""
            {"name": "a", "type": "string"}, {"name": "b", "type": "string"}""");

    @LocalServerPort
    int port;

    RegistryHttp writer;
    RegistryHttp reader;
    String subject;

    @BeforeEach
    void clients() {
        writer = new RegistryHttp("http://localhost:" + port, WRITER, WRITER_PASSWORD);
        reader = writer.as(READER, WRITER_PASSWORD);
        subject = "test-" + UUID.randomUUID() + "-value";
    }

    @Test
    void registrationIsIdempotentAndIgnoresFormatting() {
        Answer first = writer.post("/subjects/" + subject + "/versions", schemaRequest(V1));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.contentType()).startsWith(RegistryHttp.CONTENT_TYPE);
        int id = first.json().path("id").asInt();
        assertThat(id).isPositive();

        assertThat(writer.post("/subjects/" + subject + "/versions", schemaRequest(V1)).json().path("id").asInt())
                .isEqualTo(id);
        assertThat(writer.post("/subjects/" + subject + "/versions", schemaRequest(V1_REFORMATTED)).json().path("id").asInt())
                .isEqualTo(id);
        assertThat(reader.get("/subjects/" + subject + "/versions").text()).isEqualTo("[1]");
    }

    @Test
    void theSameSchemaUnderTwoSubjectsHasOneId() {
        String other = "other-" + subject;
        int id = register(subject, V1);
        assertThat(register(other, V1_REFORMATTED)).isEqualTo(id);

        Answer usages = reader.get("/schemas/ids/" + id + "/versions");
        assertThat(usages.status()).isEqualTo(200);
        assertThat(usages.json().findValuesAsString("subject")).contains(subject, other);
        assertThat(reader.get("/schemas/ids/" + id + "/subjects").json().valueStream().map(n -> n.asString()))
                .contains(subject, other);
    }

    @Test
    void schemaByIdAndItsErrors() {
        int id = register(subject, V1);
        Answer schema = reader.get("/schemas/ids/" + id + "?subject=" + subject);
        assertThat(schema.status()).isEqualTo(200);
        assertThat(schema.json().path("schema").asString()).isEqualTo(V1_CANONICAL);

        assertError(reader.get("/schemas/ids/" + Integer.MAX_VALUE), 404, 40403);
    }

    @Test
    void lookUpFindsTheVersionOfASchema() {
        register(subject, V1);
        int id2 = register(subject, V2_OPTIONAL);

        Answer found = reader.post("/subjects/" + subject, schemaRequest(V2_OPTIONAL));
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().path("subject").asString()).isEqualTo(subject);
        assertThat(found.json().path("version").asInt()).isEqualTo(2);
        assertThat(found.json().path("id").asInt()).isEqualTo(id2);
        assertThat(found.json().path("schema").asString()).contains("\"b\"");

        assertError(reader.post("/subjects/no-such-" + subject, schemaRequest(V1)), 404, 40401);
        assertError(reader.post("/subjects/" + subject, schemaRequest(V2_REQUIRED)), 404, 40403);
    }

    @Test
    void subjectsAndVersions() {
        int id1 = register(subject, V1);
        int id2 = register(subject, V2_OPTIONAL);

        assertThat(reader.get("/subjects").json().valueStream().map(n -> n.asString())).contains(subject);
        assertThat(reader.get("/subjects/" + subject + "/versions").text()).isEqualTo("[1,2]");

        Answer latest = reader.get("/subjects/" + subject + "/versions/latest");
        assertThat(latest.status()).isEqualTo(200);
        assertThat(latest.json().path("version").asInt()).isEqualTo(2);
        assertThat(latest.json().path("id").asInt()).isEqualTo(id2);
        assertThat(reader.get("/subjects/" + subject + "/versions/1").json().path("id").asInt()).isEqualTo(id1);
        assertThat(reader.get("/subjects/" + subject + "/versions/1/schema").text()).isEqualTo(V1_CANONICAL);

        assertError(reader.get("/subjects/no-such-" + subject + "/versions"), 404, 40401);
        assertError(reader.get("/subjects/no-such-" + subject + "/versions/latest"), 404, 40401);
        assertError(reader.get("/subjects/" + subject + "/versions/3"), 404, 40402);
        assertError(reader.get("/subjects/" + subject + "/versions/zero"), 422, 42202);
    }

    @Test
    void deletedVersionsDisappearButKeepTheirNumber() {
        register(subject, V1);
        register(subject, V2_OPTIONAL);

        Answer deleted = writer.delete("/subjects/" + subject + "/versions/2");
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.text()).isEqualTo("2");
        assertThat(reader.get("/subjects/" + subject + "/versions").text()).isEqualTo("[1]");
        assertThat(reader.get("/subjects/" + subject + "/versions?deleted=true").text()).isEqualTo("[1,2]");

        register(subject, V2_OPTIONAL);
        assertThat(reader.get("/subjects/" + subject + "/versions").text()).isEqualTo("[1,3]");
        assertThat(writer.delete("/subjects/" + subject).text()).isEqualTo("[1,3]");
        assertError(reader.get("/subjects/" + subject + "/versions"), 404, 40401);
    }

    @Test
    void anInvalidSchemaIsRejectedWith42201() {
        assertError(writer.post("/subjects/" + subject + "/versions", schemaRequest("{\"type\": \"record\", \"name\": \"R\"}")),
                422, 42201);
        assertError(writer.post("/subjects/" + subject + "/versions", schemaRequest("not json")), 422, 42201);
        assertError(writer.post("/subjects/" + subject + "/versions",
                "{\"schema\": \"{}\", \"schemaType\": \"PROTOBUF\"}"), 422, 42201);
        assertThat(reader.get("/subjects").json().valueStream().map(n -> n.asString())).doesNotContain(subject);
    }

    @Test
    void fullTransitiveAcceptsACompatibleEvolutionAndRejectsAnIncompatibleOne() {
        assertThat(reader.get("/config/" + subject + "?defaultToGlobal=true").json().path("compatibilityLevel").asString())
                .isEqualTo("FULL_TRANSITIVE");
        register(subject, V1);

        Answer check = reader.post("/compatibility/subjects/" + subject + "/versions/latest?verbose=true",
                schemaRequest(V2_REQUIRED));
        assertThat(check.status()).isEqualTo(200);
        assertThat(check.json().path("is_compatible").asBoolean()).isFalse();
        assertThat(check.json().path("messages").toString()).contains("READER_FIELD_MISSING_DEFAULT_VALUE");
        Answer compatible = reader.post("/compatibility/subjects/" + subject + "/versions/1", schemaRequest(V2_OPTIONAL));
        assertThat(compatible.json().path("is_compatible").asBoolean()).isTrue();
        assertThat(compatible.json().has("messages")).isFalse();
        assertError(reader.post("/compatibility/subjects/" + subject + "/versions/7", schemaRequest(V2_OPTIONAL)), 404, 40402);

        Answer rejected = writer.post("/subjects/" + subject + "/versions", schemaRequest(V2_REQUIRED));
        assertError(rejected, 409, 409);
        assertThat(rejected.json().path("message").asString()).contains("incompatible");

        register(subject, V2_OPTIONAL);
        assertThat(reader.get("/subjects/" + subject + "/versions").text()).isEqualTo("[1,2]");
    }

    @Test
    void backwardAndForwardDisagreeOnAddingARequiredField() {
        String backward = "backward-" + subject;
        String forward = "forward-" + subject;
        assertThat(writer.put("/config/" + backward, "{\"compatibility\": \"BACKWARD\"}").json().path("compatibility").asString())
                .isEqualTo("BACKWARD");
        writer.put("/config/" + forward, "{\"compatibility\": \"FORWARD\"}");
        register(backward, V1);
        register(forward, V1);

        assertError(writer.post("/subjects/" + backward + "/versions", schemaRequest(V2_REQUIRED)), 409, 409);
        assertThat(writer.post("/subjects/" + forward + "/versions", schemaRequest(V2_REQUIRED)).status()).isEqualTo(200);
    }

    @Test
    void compatibilityLevels() {
        assertThat(reader.get("/config").json().path("compatibilityLevel").asString()).isEqualTo("FULL_TRANSITIVE");
        assertError(reader.get("/config/" + subject), 404, 40401);
        assertThat(reader.get("/config/" + subject + "?defaultToGlobal=true").json().path("compatibilityLevel").asString())
                .isEqualTo("FULL_TRANSITIVE");

        Answer set = writer.put("/config/" + subject, "{\"compatibility\": \"backward_transitive\"}");
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().path("compatibility").asString()).isEqualTo("BACKWARD_TRANSITIVE");
        assertThat(reader.get("/config/" + subject).json().path("compatibilityLevel").asString())
                .isEqualTo("BACKWARD_TRANSITIVE");
        assertError(writer.put("/config/" + subject, "{\"compatibility\": \"SIDEWAYS\"}"), 422, 42203);
        assertError(writer.put("/config", "{}"), 422, 42203);
        assertThat(writer.delete("/config/" + subject).status()).isEqualTo(200);
        assertError(reader.get("/config/" + subject), 404, 40401);

        try {
            assertThat(writer.put("/config", "{\"compatibility\": \"NONE\"}").json().path("compatibility").asString())
                    .isEqualTo("NONE");
            assertThat(reader.get("/config").json().path("compatibilityLevel").asString()).isEqualTo("NONE");
        } finally {
            writer.put("/config", "{\"compatibility\": \"FULL_TRANSITIVE\"}");
        }
    }

    @Test
    void acceptsTheContentTypesConfluentClientsSend() {
        String body = schemaRequest(V1);
        assertThat(writer.post("/subjects/" + subject + "/versions", body, "application/json").status()).isEqualTo(200);
        assertThat(writer.post("/subjects/" + subject + "/versions", body, "application/octet-stream").status()).isEqualTo(200);
        assertThat(reader.post("/subjects/" + subject, body, "application/json").json().path("version").asInt()).isEqualTo(1);
    }

    @Test
    void registersTheProjectContract() {
        String contract = RegistryHttp.pretty(ProgressReport.getClassSchema().toString());
        int id = register(subject, contract);
        assertThat(reader.get("/schemas/ids/" + id).json().path("schema").asString())
                .isEqualTo(ProgressReport.getClassSchema().toString());
    }

    @Test
    void readingNeedsCredentialsAndWritingAWriterRole() {
        RegistryHttp anonymous = writer.as(null, null);
        assertThat(anonymous.get("/subjects").status()).isEqualTo(401);
        // An anonymous write meets the CSRF check of the browser chain first (docs/security.md): refused all the same.
        assertThat(anonymous.post("/subjects/" + subject + "/versions", schemaRequest(V1)).status()).isEqualTo(403);
        assertThat(writer.as(RealServers.USER, RealServers.PASSWORD).get("/subjects").status())
                .as("staff do not read the registry").isEqualTo(403);
        assertThat(writer.as(WRITER, "wrong").get("/subjects").status()).isEqualTo(401);

        assertThat(reader.post("/subjects/" + subject + "/versions", schemaRequest(V1)).status()).isEqualTo(403);
        assertThat(reader.put("/config/" + subject, "{\"compatibility\": \"NONE\"}").status()).isEqualTo(403);
        assertThat(reader.put("/config", "{\"compatibility\": \"NONE\"}").status()).isEqualTo(403);
        assertThat(reader.delete("/subjects/" + subject).status()).isEqualTo(403);

        register(subject, V1);
        assertThat(reader.get("/subjects/" + subject + "/versions/latest").status()).isEqualTo(200);
        assertThat(reader.post("/subjects/" + subject, schemaRequest(V1)).status()).isEqualTo(200);
        assertThat(reader.post("/compatibility/subjects/" + subject + "/versions/latest", schemaRequest(V1)).status())
                .isEqualTo(200);
    }

    @Test
    void unknownRegistryPathsAnswer404() {
        // @confluentinc/schemaregistry asks for topic associations first and falls back on a 404.
        assertThat(reader.get("/associations/resources/-/poa.BO-L.progress?resourceType=topic").status()).isEqualTo(404);
    }

    private int register(String subject, String schema) {
        Answer answer = writer.post("/subjects/" + subject + "/versions", schemaRequest(schema));
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.json().path("id").asInt();
    }

    private static void assertError(Answer answer, int status, int errorCode) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith(RegistryHttp.CONTENT_TYPE);
        assertThat(answer.json().path("error_code").asInt()).as(answer.text()).isEqualTo(errorCode);
        assertThat(answer.json().path("message").asString()).isNotBlank();
    }

    static final String V1_CANONICAL = "{\"type\":\"record\",\"name\":\"R\",\"namespace\":\"t\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}";

    private static String record(String fields) {
        return "{\"type\": \"record\", \"name\": \"R\", \"namespace\": \"t\", \"fields\": [" + fields + "]}";
    }
}

package org.poahub.hub.registry;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request and response bodies as Confluent's registry has them. Requests are read as text and parsed here
 * because Confluent clients send {@code application/vnd.schemaregistry.v1+json}, {@code application/json} or
 * even {@code application/octet-stream}, and all must be accepted.
 */
final class RegistryJson {

    static final MediaType MEDIA_TYPE = MediaType.parseMediaType("application/vnd.schemaregistry.v1+json");

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private RegistryJson() {
    }

    static <T> ResponseEntity<T> ok(T body) {
        return ResponseEntity.ok().contentType(MEDIA_TYPE).body(body);
    }

    static JsonNode read(String body) {
        if (body == null || body.isBlank()) {
            throw RegistryException.badRequest("The request has no body");
        }
        try {
            return MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw RegistryException.badRequest("The request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** The Avro schema of a register, look-up or compatibility request ({@code {"schema": "...", ...}}). */
    static CanonicalSchema schemaOf(String body) {
        JsonNode request = read(body);
        String type = request.path("schemaType").asString("AVRO");
        if (!"AVRO".equalsIgnoreCase(type)) {
            throw RegistryException.invalidSchema("Schema type " + type + " is not supported; this registry holds AVRO only");
        }
        JsonNode references = request.path("references");
        if (references.isArray() && !references.isEmpty()) {
            throw RegistryException.invalidSchema("Schema references are not supported by this registry");
        }
        JsonNode schema = request.path("schema");
        if (!schema.isString()) {
            throw RegistryException.invalidSchema("The request needs the schema as a string in the field 'schema'");
        }
        return CanonicalSchema.parse(schema.asString());
    }
}

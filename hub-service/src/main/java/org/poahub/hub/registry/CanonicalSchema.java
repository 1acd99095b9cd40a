package org.poahub.hub.registry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * A schema as the registry stores it: Avro's own JSON rendering of the parsed schema, so formatting and
 * whitespace never create a new id. Avro's Parsing Canonical Form is not used for identity on purpose: it
 * drops defaults, docs and logical types, and a schema that only adds a default is a different schema for
 * compatibility (Confluent also keys on the full schema text).
 */
record CanonicalSchema(Schema schema, String text, String fingerprint) {

    static CanonicalSchema parse(String schemaText) {
        if (schemaText == null || schemaText.isBlank()) {
            throw RegistryException.invalidSchema("The request has no schema");
        }
        Schema schema;
        try {
            schema = new Schema.Parser().parse(schemaText);
        } catch (SchemaParseException | IllegalArgumentException e) {
            throw RegistryException.invalidSchema("Invalid schema: " + e.getMessage());
        } catch (RuntimeException e) {
            // Malformed JSON surfaces as Jackson's own exceptions, a missing attribute as a NullPointerException.
            throw RegistryException.invalidSchema("Invalid schema: " + e);
        }
        String text = schema.toString();
        return new CanonicalSchema(schema, text, sha256(text));
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}

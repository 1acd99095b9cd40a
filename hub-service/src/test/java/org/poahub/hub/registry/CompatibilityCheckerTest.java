package org.poahub.hub.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class CompatibilityCheckerTest {

    private final CompatibilityChecker checker = new CompatibilityChecker();

    private static final Schema V1 = record("""
            {"name": "a", "type": "string"}""");
    /** Adds a field with a default: every direction is fine. */
    private static final Schema V2_OPTIONAL = record("""
            {"name": "a", "type": "string"}, {"name": "b", "type": ["null", "string"], "default": null}""");
    /** Adds a field without a default: new readers cannot read old data (not BACKWARD), old readers ignore it. */
    private static final Schema V2_REQUIRED = record("""
            {"name": "a", "type": "string"}, {"name": "b", "type": "string"}""");
    /** Drops the field without default: old readers cannot read new data (not FORWARD). */
    private static final Schema V3_WITHOUT_A = record("""
            {"name": "b", "type": ["null", "string"], "default": null}""");

    @Test
    void addingAnOptionalFieldIsFullyCompatible() {
        for (CompatibilityLevel level : CompatibilityLevel.values()) {
            assertThat(checker.incompatibilities(level, V2_OPTIONAL, List.of(V1))).as(level.name()).isEmpty();
        }
    }

    @Test
    void addingARequiredFieldIsForwardButNotBackwardCompatible() {
        assertThat(checker.incompatibilities(CompatibilityLevel.FORWARD, V2_REQUIRED, List.of(V1))).isEmpty();
        assertThat(checker.incompatibilities(CompatibilityLevel.BACKWARD, V2_REQUIRED, List.of(V1)))
                .singleElement().asString().contains("BACKWARD").contains("READER_FIELD_MISSING_DEFAULT_VALUE");
        assertThat(checker.incompatibilities(CompatibilityLevel.FULL, V2_REQUIRED, List.of(V1))).isNotEmpty();
        assertThat(checker.incompatibilities(CompatibilityLevel.NONE, V2_REQUIRED, List.of(V1))).isEmpty();
    }

    @Test
    void droppingARequiredFieldIsBackwardButNotForwardCompatible() {
        assertThat(checker.incompatibilities(CompatibilityLevel.BACKWARD, V3_WITHOUT_A, List.of(V2_OPTIONAL))).isEmpty();
        assertThat(checker.incompatibilities(CompatibilityLevel.FORWARD, V3_WITHOUT_A, List.of(V2_OPTIONAL)))
                .singleElement().asString().contains("FORWARD");
    }

    @Test
    void transitiveLevelsCheckEveryEarlierVersionAndTheOthersOnlyTheLatest() {
        // The candidate brings back field a as an int: fine against the latest (which has no a), a type
        // mismatch against V1 (where a is a string).
        Schema aAsInt = record("""
                {"name": "b", "type": ["null", "string"], "default": null}, {"name": "a", "type": "int", "default": 0}""");
        List<Schema> history = List.of(V1, V3_WITHOUT_A);
        assertThat(checker.incompatibilities(CompatibilityLevel.BACKWARD, aAsInt, history)).isEmpty();
        assertThat(checker.incompatibilities(CompatibilityLevel.BACKWARD_TRANSITIVE, aAsInt, history))
                .singleElement().asString().contains("TYPE_MISMATCH");
        assertThat(checker.incompatibilities(CompatibilityLevel.FULL_TRANSITIVE, aAsInt, history)).hasSize(2);
    }

    @Test
    void theFirstVersionIsAlwaysCompatible() {
        assertThat(checker.incompatibilities(CompatibilityLevel.FULL_TRANSITIVE, V2_REQUIRED, List.of())).isEmpty();
    }

    private static Schema record(String fields) {
        return new Schema.Parser().parse("{\"type\": \"record\", \"name\": \"R\", \"namespace\": \"t\", \"fields\": ["
                + fields + "]}");
    }
}

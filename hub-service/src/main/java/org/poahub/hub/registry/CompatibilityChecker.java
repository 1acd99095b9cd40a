package org.poahub.hub.registry;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * Decides whether a candidate schema may become a subject's next version, with Avro's own
 * {@link SchemaCompatibility} (the same reader/writer rules Confluent's registry applies to Avro).
 */
public final class CompatibilityChecker {

    /**
     * @param previous the subject's live versions, oldest first
     * @return why the candidate is incompatible; empty when it is compatible
     */
    public List<String> incompatibilities(CompatibilityLevel level, Schema candidate, List<Schema> previous) {
        if (level == CompatibilityLevel.NONE || previous.isEmpty()) {
            return List.of();
        }
        List<Schema> against = level.transitive() ? previous : List.of(previous.get(previous.size() - 1));
        List<String> messages = new ArrayList<>();
        for (Schema existing : against) {
            if (level.checksBackward()) {
                describe(SchemaCompatibility.checkReaderWriterCompatibility(candidate, existing), "BACKWARD", messages);
            }
            if (level.checksForward()) {
                describe(SchemaCompatibility.checkReaderWriterCompatibility(existing, candidate), "FORWARD", messages);
            }
        }
        return messages;
    }

    private static void describe(SchemaPairCompatibility result, String direction, List<String> messages) {
        for (Incompatibility incompatibility : result.getResult().getIncompatibilities()) {
            messages.add("{direction:'" + direction + "', errorType:'" + incompatibility.getType()
                    + "', description:'" + incompatibility.getMessage()
                    + "', location:'" + incompatibility.getLocation() + "'}");
        }
    }
}

package org.poahub.agent.store;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.poahub.rules.Finding;

/**
 * Findings kept in one text column as a JSON array of objects, one property per component of the
 * {@link Finding} record (Jackson maps records by their components, so a component added to {@code Finding} is
 * stored and read back without a change here; a stored property the record no longer has is ignored).
 * {@code null} in the column means no findings.
 */
public final class FindingsJson {

    private static final TypeReference<List<Finding>> LIST = new TypeReference<>() { };
    private static final ObjectMapper MAPPER = new ObjectMapper()
            // only the record's components: not isError() or any other helper method of the record
            .setVisibility(PropertyAccessor.ALL, Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, Visibility.ANY)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private FindingsJson() {
    }

    public static String encode(List<Finding> findings) {
        try {
            return MAPPER.writeValueAsString(findings);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write findings as JSON", e);
        }
    }

    public static List<Finding> decode(String json) {
        if (json == null || json.isEmpty()) {
            return List.of();
        }
        try {
            return MAPPER.readValue(json, LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("stored findings are not valid JSON: " + json, e);
        }
    }
}

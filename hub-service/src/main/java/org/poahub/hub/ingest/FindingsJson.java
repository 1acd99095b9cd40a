package org.poahub.hub.ingest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.poahub.contract.Finding;
import org.poahub.contract.Severity;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/** An outcome's findings as stored in {@code report_outcome.findings}: {@code [{code, severity, field, message}]}. */
final class FindingsJson {

    private final JsonMapper json;
    private final JavaType listOfMaps;

    FindingsJson(JsonMapper json) {
        this.json = json;
        this.listOfMaps = json.getTypeFactory().constructCollectionType(List.class,
                json.getTypeFactory().constructMapType(Map.class, String.class, String.class));
    }

    /** Most outcomes have no findings; their JSON needs no mapper. */
    private static final String NONE = "[]";

    String write(List<Finding> findings) {
        if (findings.isEmpty()) {
            return NONE;
        }
        return json.writeValueAsString(findings.stream().map(f -> {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("code", f.getCode());
            m.put("severity", f.getSeverity().name());
            m.put("field", f.getField());
            m.put("message", f.getMessage());
            return m;
        }).toList());
    }

    List<Finding> read(String text) {
        if (NONE.equals(text)) {
            return List.of();
        }
        List<Map<String, String>> items = json.readValue(text, listOfMaps);
        return items.stream().map(m -> new Finding(m.get("code"), Severity.valueOf(m.get("severity")),
                m.get("field"), m.get("message"))).toList();
    }
}

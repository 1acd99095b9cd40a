package org.poahub.hub.registry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /compatibility}: would this schema be accepted, without registering it. */
@RestController
@RequestMapping("${poa.registry.base-path:}/compatibility/subjects/{subject}/versions")
@ConditionalOnEmbeddedRegistry
class CompatibilityController {

    private final SchemaRegistryService registry;

    CompatibilityController(SchemaRegistryService registry) {
        this.registry = registry;
    }

    @PostMapping("/{version}")
    ResponseEntity<Map<String, Object>> againstVersion(@PathVariable String subject, @PathVariable String version,
                                                       @RequestParam(defaultValue = "false") boolean verbose,
                                                       @RequestBody(required = false) String body) {
        return answer(registry.incompatibilities(subject, version, RegistryJson.schemaOf(body)), verbose);
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> againstAll(@PathVariable String subject,
                                                   @RequestParam(defaultValue = "false") boolean verbose,
                                                   @RequestBody(required = false) String body) {
        return answer(registry.incompatibilities(subject, null, RegistryJson.schemaOf(body)), verbose);
    }

    private static ResponseEntity<Map<String, Object>> answer(List<String> problems, boolean verbose) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("is_compatible", problems.isEmpty());
        if (verbose) {
            body.put("messages", problems);
        }
        return RegistryJson.ok(body);
    }
}

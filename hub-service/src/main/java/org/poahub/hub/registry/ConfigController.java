package org.poahub.hub.registry;

import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /config}: compatibility levels. Like Confluent, GET answers {@code compatibilityLevel} and PUT takes and
 * answers {@code compatibility}.
 */
@RestController
@RequestMapping("${poa.registry.base-path:}/config")
@ConditionalOnEmbeddedRegistry
class ConfigController {

    private final SchemaRegistryService registry;

    ConfigController(SchemaRegistryService registry) {
        this.registry = registry;
    }

    @GetMapping
    ResponseEntity<Map<String, Object>> global() {
        return RegistryJson.ok(Map.of("compatibilityLevel", registry.globalCompatibility().name()));
    }

    @PutMapping
    ResponseEntity<Map<String, Object>> setGlobal(@RequestBody(required = false) String body) {
        CompatibilityLevel level = levelOf(body);
        registry.setGlobalCompatibility(level);
        return RegistryJson.ok(Map.of("compatibility", level.name()));
    }

    @GetMapping("/{subject}")
    ResponseEntity<Map<String, Object>> subject(@PathVariable String subject,
                                                @RequestParam(defaultValue = "false") boolean defaultToGlobal) {
        CompatibilityLevel level = defaultToGlobal
                ? registry.compatibility(subject)
                : registry.subjectCompatibility(subject).orElseThrow(() -> RegistryException.subjectConfigNotFound(subject));
        return RegistryJson.ok(Map.of("compatibilityLevel", level.name()));
    }

    @PutMapping("/{subject}")
    ResponseEntity<Map<String, Object>> setSubject(@PathVariable String subject,
                                                   @RequestBody(required = false) String body) {
        CompatibilityLevel level = levelOf(body);
        registry.setSubjectCompatibility(subject, level);
        return RegistryJson.ok(Map.of("compatibility", level.name()));
    }

    @DeleteMapping("/{subject}")
    ResponseEntity<Map<String, Object>> deleteSubject(@PathVariable String subject) {
        return RegistryJson.ok(Map.of("compatibilityLevel", registry.deleteSubjectCompatibility(subject).name()));
    }

    private static CompatibilityLevel levelOf(String body) {
        String text = RegistryJson.read(body).path("compatibility").asString(null);
        return CompatibilityLevel.parse(text).orElseThrow(() -> RegistryException.invalidCompatibilityLevel(text));
    }
}

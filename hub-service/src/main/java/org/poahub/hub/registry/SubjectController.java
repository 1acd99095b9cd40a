package org.poahub.hub.registry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.poahub.hub.registry.SchemaRegistryRepository.SubjectVersion;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /subjects}: register, look up, list and (soft-)delete schema versions. */
@RestController
@RequestMapping("${poa.registry.base-path:}/subjects")
@ConditionalOnEmbeddedRegistry
class SubjectController {

    private final SchemaRegistryService registry;

    SubjectController(SchemaRegistryService registry) {
        this.registry = registry;
    }

    @GetMapping
    ResponseEntity<List<String>> subjects(@RequestParam(defaultValue = "false") boolean deleted) {
        return RegistryJson.ok(registry.subjects(deleted));
    }

    @PostMapping("/{subject}/versions")
    ResponseEntity<Map<String, Object>> register(@PathVariable String subject,
                                                 @RequestBody(required = false) String body) {
        int id = registry.register(subject, RegistryJson.schemaOf(body));
        return RegistryJson.ok(Map.of("id", id));
    }

    @PostMapping("/{subject}")
    ResponseEntity<Map<String, Object>> lookup(@PathVariable String subject,
                                               @RequestParam(defaultValue = "false") boolean deleted,
                                               @RequestBody(required = false) String body) {
        return RegistryJson.ok(describe(registry.lookup(subject, RegistryJson.schemaOf(body), deleted)));
    }

    @GetMapping("/{subject}/versions")
    ResponseEntity<List<Integer>> versions(@PathVariable String subject,
                                           @RequestParam(defaultValue = "false") boolean deleted) {
        return RegistryJson.ok(registry.versionNumbers(subject, deleted));
    }

    @GetMapping("/{subject}/versions/{version}")
    ResponseEntity<Map<String, Object>> version(@PathVariable String subject, @PathVariable String version,
                                                @RequestParam(defaultValue = "false") boolean deleted) {
        return RegistryJson.ok(describe(registry.version(subject, version, deleted)));
    }

    /** The schema text alone, as Confluent returns it. */
    @GetMapping("/{subject}/versions/{version}/schema")
    ResponseEntity<String> versionSchema(@PathVariable String subject, @PathVariable String version) {
        return RegistryJson.ok(registry.version(subject, version, false).canonical());
    }

    @DeleteMapping("/{subject}/versions/{version}")
    ResponseEntity<Integer> deleteVersion(@PathVariable String subject, @PathVariable String version) {
        return RegistryJson.ok(registry.deleteVersion(subject, version));
    }

    @DeleteMapping("/{subject}")
    ResponseEntity<List<Integer>> deleteSubject(@PathVariable String subject) {
        return RegistryJson.ok(registry.deleteSubject(subject));
    }

    private static Map<String, Object> describe(SubjectVersion version) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", version.subject());
        body.put("version", version.version());
        body.put("id", version.schemaId());
        body.put("schema", version.canonical());
        return body;
    }
}

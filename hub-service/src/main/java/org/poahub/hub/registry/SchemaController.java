package org.poahub.hub.registry;

import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /schemas/ids/{id}}: what deserializers call to resolve the id in a message. */
@RestController
@RequestMapping("${poa.registry.base-path:}/schemas/ids/{id}")
@ConditionalOnEmbeddedRegistry
class SchemaController {

    private final SchemaRegistryService registry;

    SchemaController(SchemaRegistryService registry) {
        this.registry = registry;
    }

    /** Confluent omits {@code schemaType} for AVRO; clients treat its absence as AVRO. */
    @GetMapping
    ResponseEntity<Map<String, Object>> schema(@PathVariable int id) {
        return RegistryJson.ok(Map.of("schema", registry.schema(id).canonical()));
    }

    @GetMapping("/versions")
    ResponseEntity<List<Map<String, Object>>> versions(@PathVariable int id) {
        return RegistryJson.ok(registry.usages(id).stream()
                .map(v -> Map.<String, Object>of("subject", v.subject(), "version", v.version()))
                .toList());
    }

    @GetMapping("/subjects")
    ResponseEntity<List<String>> subjects(@PathVariable int id) {
        return RegistryJson.ok(registry.usages(id).stream()
                .map(SchemaRegistryRepository.SubjectVersion::subject)
                .distinct()
                .toList());
    }
}

package org.poahub.hub.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description served at {@code /v3/api-docs} (springdoc, generated from the controllers). Like every API
 * it needs HTTP Basic credentials.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String BASIC = "basicAuth";

    /** Path prefix → tag, for the controllers that carry no OpenAPI annotations of their own. */
    private static final Map<String, String> TAGS = Map.of(
            "/api/plans", "Plans",
            "/subjects", "Schema registry",
            "/schemas", "Schema registry",
            "/config", "Schema registry",
            "/compatibility", "Schema registry");

    @Bean
    OpenAPI poaHubOpenApi() {
        return new OpenAPI()
                .info(new Info().title("poa-hub API").version("v1").description("""
                        Central hub of the annual operations plan (POA): the national plan, the reports regional \
                        agents send over Kafka (rejected reports, agent sync status) and a Confluent-compatible \
                        schema registry. Every endpoint needs HTTP Basic credentials; user-facing messages are \
                        Spanish."""))
                .components(new Components().addSecuritySchemes(BASIC,
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC))
                .addTagsItem(new Tag().name("Plans").description(
                        "Import the POA from a spreadsheet (PLANNER or ADMIN), read its tree, operations, versions and diffs"))
                .addTagsItem(new Tag().name("Schema registry").description(
                        "Confluent Schema Registry API (Avro): subjects, versions, schemas by id, compatibility"));
    }

    /** Tags the operations of untagged controllers by their path (springdoc otherwise names tags after classes). */
    @Bean
    OpenApiCustomizer tagsByPath() {
        return openApi -> openApi.getPaths().forEach((path, item) -> TAGS.entrySet().stream()
                .filter(e -> path.startsWith(e.getKey())).findFirst()
                .ifPresent(e -> item.readOperations().forEach(op -> op.setTags(java.util.List.of(e.getValue())))));
    }
}

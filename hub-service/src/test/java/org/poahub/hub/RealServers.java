package org.poahub.hub;

import java.util.UUID;
import org.poahub.testkit.TestDatabase;
import org.poahub.testkit.TestKafka;
import org.poahub.testkit.TestPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a hub test context at the real broker and a fresh real PostgreSQL database from the testkit. */
public final class RealServers {

    public static final String USER = "planner";
    public static final String PASSWORD = UUID.randomUUID().toString();

    private RealServers() {
    }

    public static TestDatabase register(DynamicPropertyRegistry registry) {
        TestDatabase db = TestPostgres.freshDatabase();
        registry.add("spring.datasource.url", db::jdbcUrl);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", db::password);
        registry.add("poa.kafka.bootstrap-servers", TestKafka::bootstrapServers);
        registry.add("poa.security.users[0].name", () -> USER);
        registry.add("poa.security.users[0].password", () -> "{noop}" + PASSWORD);
        registry.add("poa.security.users[0].roles[0]", () -> "PLANNER");
        // Tests that exercise ingest turn it on (IngestIT): several hub contexts must not share one consumer group.
        registry.add("poa.ingest.enabled", () -> "false");
        // ReportSchemaRegistrationIT turns it on: most test hubs have no registry writer and list subjects of their own.
        registry.add("poa.registry.report-schemas.register", () -> "false");
        return db;
    }
}

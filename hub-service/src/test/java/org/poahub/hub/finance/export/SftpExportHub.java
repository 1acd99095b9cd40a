package org.poahub.hub.finance.export;

import java.util.LinkedHashMap;
import java.util.Map;
import org.poahub.hub.HubApplication;
import org.poahub.hub.RealServers;
import org.poahub.testkit.TestDatabase;
import org.poahub.testkit.TestKafka;
import org.poahub.testkit.TestSftpServer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A whole hub that exports to a test's SFTP server, for the tests that stop or kill one hub and start the next on the
 * same database ({@link FinanceExportRestartIT}, {@link FinanceExportKillIT}): the SENAVEX 2020 plan, the planner
 * {@link RealServers#USER}, a registry writer for the Avro record, retries after 1 s.
 */
final class SftpExportHub {

    private SftpExportHub() {
    }

    /** The hub's settings, as {@code --key=value} arguments take them (in-process or in a child JVM). */
    static Map<String, String> settings(TestDatabase db, TestSftpServer sftp, String topic, String registryPassword) {
        Map<String, String> properties = new LinkedHashMap<>(TestKafka.hubSettings());
        properties.put("spring.datasource.url", db.jdbcUrl());
        properties.put("spring.datasource.username", db.user());
        properties.put("spring.datasource.password", db.password());
        properties.put("server.port", String.valueOf(RealServers.freePort()));
        properties.put("poa.plan.seed-on-empty", "true");
        properties.put("poa.ingest.enabled", "false");
        properties.put("poa.registry.report-schemas.register", "false");
        properties.put("poa.security.allow-plain-text-passwords", "true");
        properties.put("poa.security.users[0].name", "registro");
        properties.put("poa.security.users[0].password", "{noop}" + registryPassword);
        properties.put("poa.security.users[0].roles[0]", "ESQUEMAS");
        properties.put("poa.security.users[1].name", RealServers.USER);
        properties.put("poa.security.users[1].password", "{noop}" + RealServers.PASSWORD);
        properties.put("poa.security.users[1].roles[0]", "PLANIFICADOR");
        properties.put("poa.registry.username", "registro");
        properties.put("poa.registry.password", registryPassword);
        properties.put("poa.finance.export.topic", topic);
        properties.put("poa.finance.export.sftp.host", sftp.host());
        properties.put("poa.finance.export.sftp.port", String.valueOf(sftp.port()));
        properties.put("poa.finance.export.sftp.user", sftp.user());
        properties.put("poa.finance.export.sftp.password", sftp.password());
        properties.put("poa.finance.export.sftp.directory", "salida");
        properties.put("poa.finance.export.redeliveries", "1");
        properties.put("poa.finance.export.redelivery-delay", "100ms");
        properties.put("poa.finance.export.retry-first", "1s");
        return properties;
    }

    /** Starts a hub in this JVM with {@code settings}. */
    static ConfigurableApplicationContext start(Map<String, String> settings) {
        // Command-line arguments, because default properties would lose to application.yml.
        String[] args = settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(HubApplication.class).run(args);
    }
}

package org.poahub.hub.finance.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.poahub.contract.RegionAcls;
import org.poahub.hub.RealServers;
import org.poahub.hub.finance.StaffActions;
import org.poahub.testkit.TestKafka;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The schedule {@code poa.finance.export.cron}: a hub with a schedule (here every second, on a clock that says it is
 * 1 July 2020) exports by itself the review period that contains yesterday, June 2020, as {@code system}; files
 * delivered as an export asked for through the API. (Without the property nothing is scheduled:
 * {@code FinanceExportIT#withoutACronNothingIsScheduled}.)
 */
// a port of its own, so that the hub's registry client reaches the embedded registry it serves (the Avro record's
// schema is registered there); the context is closed after the class, so its every-second schedule stops with it
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@Import({FinanceExportScheduleIT.FirstOfJuly2020.class, StaffActions.class})
@DirtiesContext
class FinanceExportScheduleIT {

    static final String EVERY_SECOND = "* * * * * *";
    static final String TOPIC = "poa.finance.execution.it-" + UUID.randomUUID();
    static final int PORT = RealServers.freePort();
    static final String REGISTRY_PASSWORD = UUID.randomUUID().toString();
    static final Path OUTBOX = tempDirectory();

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        RealServers.register(registry);
        registry.add("server.port", () -> PORT);
        RealServers.registerRegistryWriter(registry, 1, "registro", REGISTRY_PASSWORD);
        TestKafka.grant(RegionAcls.forHub(TestKafka.HUB_USER, List.of(), TestKafka.HUB_GROUP, TOPIC));
        registry.add("poa.plan.seed-on-empty", () -> "true");
        registry.add("poa.finance.export.directory", OUTBOX::toString);
        registry.add("poa.finance.export.topic", () -> TOPIC);
        registry.add("poa.finance.export.cron", () -> EVERY_SECOND);
    }

    /** The hub's "today": 1 July 2020, 08:00 in La Paz. */
    @TestConfiguration(proxyBeanMethods = false)
    static class FirstOfJuly2020 {

        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2020-07-01T12:00:00Z"), ZoneId.of("America/La_Paz"));
        }
    }

    @Autowired
    JdbcClient sql;

    @Autowired
    StaffActions audit;

    @Autowired
    List<ScheduledTaskHolder> scheduler;

    @Test
    void aConfiguredScheduleExportsThePeriodThatContainsYesterdayAsTheSystem() {
        assertThat(exportSchedules(scheduler)).containsExactly(EVERY_SECOND);

        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(OUTBOX.resolve(
                "ejecucion_41_2020_2020-06_v1.done")));

        assertThat(sql.sql("select period || ' v' || version || ' ' || trigger || ' ' || requested_by"
                + " from finance_export").query(String.class).list())
                .containsExactly("2020-06 v1 PROGRAMADO system");
        assertThat(OUTBOX.resolve("ejecucion_41_2020_2020-06_v1.csv")).exists();
        assertThat(OUTBOX.resolve("ejecucion_41_2020_2020-06_v1.xlsx")).exists();
        assertThat(audit.of("FINANCE_EXECUTION_EXPORTED")).singleElement().satisfies(a -> {
            assertThat(a.actor()).isEqualTo("system");
            assertThat(a.target()).isEqualTo("ejecucion/2020/2020-06");
        });
    }

    /** The cron expressions {@link ExportTriggers} is scheduled with in a hub (none when the schedule is off). */
    static List<String> exportSchedules(Collection<ScheduledTaskHolder> holders) {
        return holders.stream().flatMap(h -> h.getScheduledTasks().stream()).map(ScheduledTask::getTask)
                .filter(task -> task.toString().startsWith(ExportTriggers.class.getName() + "."))
                .map(task -> task instanceof CronTask cron ? cron.getExpression() : task.toString()).toList();
    }

    private static Path tempDirectory() {
        try {
            return Files.createTempDirectory("poa-finance-salida-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

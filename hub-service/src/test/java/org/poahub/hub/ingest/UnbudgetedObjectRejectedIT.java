package org.poahub.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.poahub.contract.ExpenditureReport;
import org.poahub.contract.OutcomeStatus;
import org.poahub.contract.ReportOutcome;
import org.poahub.hub.RealServers;
import org.poahub.routes.ingest.DeadLetterRoute.DeadLetterHeaders;
import org.poahub.rules.RuleCodes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With {@code poa.ingest.unbudgeted-object=ERROR} an expenditure on an object code without budget is rejected. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class UnbudgetedObjectRejectedIT {

    private static final int PORT = RealServers.freePort();
    private static final String WRITER_PASSWORD = UUID.randomUUID().toString();

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        RealServers.registerWithIngest(registry, PORT, RealServers.freshGroup(), TestHub.WRITER, WRITER_PASSWORD);
        registry.add("poa.ingest.unbudgeted-object", () -> "ERROR");
    }

    private static final IngestTestClient CLIENT =
            new IngestTestClient("http://localhost:" + PORT, TestHub.WRITER + ":" + WRITER_PASSWORD);

    @Autowired
    JdbcClient jdbc;

    @AfterAll
    static void close() {
        CLIENT.close();
    }

    @Test
    void anObjectCodeWithoutBudgetIsRejectedWhenConfiguredAsAnError() {
        ExpenditureReport report = IngestTestClient.expenditure("BO-P", "agent-u1", 1, "57100", "5000.00").build();
        String message = "La partida 57100 (fuente Columna 1) no está presupuestada para la operación 11.04.02.";

        byte[] payload = CLIENT.send(report);

        ReportOutcome outcome = CLIENT.awaitOutcome(report);
        assertThat(outcome.getStatus()).isEqualTo(OutcomeStatus.REJECTED);
        assertThat(outcome.getFindings()).singleElement().satisfies(f -> {
            assertThat(f.getCode()).isEqualTo(RuleCodes.OBJECT_NOT_BUDGETED);
            assertThat(f.getMessage()).isEqualTo(message);
        });
        var deadLetter = CLIENT.awaitDeadLetter(report.getMessageId());
        assertThat(deadLetter.value()).isEqualTo(payload);
        assertThat(IngestTestClient.header(deadLetter, DeadLetterHeaders.CODE)).isEqualTo(RuleCodes.OBJECT_NOT_BUDGETED);
        Map<String, Object> row = jdbc.sql("select code, field, message from rejected_report where message_id = ?")
                .param(report.getMessageId()).query().singleRow();
        assertThat(row).containsEntry("code", RuleCodes.OBJECT_NOT_BUDGETED).containsEntry("field", "objectCode")
                .containsEntry("message", message);
        assertThat(jdbc.sql("select status from report where message_id = ?").param(report.getMessageId())
                .query(String.class).single()).isEqualTo("REJECTED");
    }
}

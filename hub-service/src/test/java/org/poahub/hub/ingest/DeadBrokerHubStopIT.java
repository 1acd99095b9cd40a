package org.poahub.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poahub.contract.ExpenditureReport;
import org.poahub.testkit.KraftBroker;
import org.poahub.testkit.TestDatabase;
import org.poahub.testkit.TestPostgres;

/**
 * A hub whose broker died while it was ingesting still stops: the producers and consumer give up within the bounded
 * Kafka timeouts ({@code poa.ingest.kafka-shutdown-timeout-ms}, {@code producer-delivery-timeout-ms},
 * {@code producer-max-block-ms}) instead of waiting for the client defaults (up to 120 s per pending send). A
 * liveness check: the limit is generous and nothing is timed.
 */
class DeadBrokerHubStopIT {

    @TempDir
    Path dir;

    private KraftBroker broker;
    private TestHub hub;
    private IngestTestClient client;

    @AfterEach
    void cleanUp() {
        if (client != null) {
            client.close();
        }
        if (hub != null && hub.isRunning()) {
            hub.close();
        }
        if (broker != null && broker.isRunning()) {
            broker.close();
        }
    }

    @Test
    void aHubWhoseBrokerWasKilledMidStreamStops() throws Exception {
        broker = KraftBroker.builder(dir.resolve("kafka")).start();
        TestDatabase db = TestPostgres.freshDatabase();
        hub = TestHub.start(db.jdbcUrl(), db.user(), db.password(), broker.bootstrapServers(),
                Map.of("poa.ingest.max-poll-records", "10"));
        client = hub.client(broker.bootstrapServers());
        ExpenditureReport first = IngestTestClient.expenditure("BO-L", "agent-dead", 1, "25220", "1.00").build();
        client.send(first);
        for (int sequence = 2; sequence <= 200; sequence++) {
            client.send(IngestTestClient.expenditure("BO-L", "agent-dead", sequence, "25220", "1.00").build());
        }
        client.awaitOutcome(first);

        broker.kill();
        client.close();
        client = null;
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(hub::close);

        await().atMost(Duration.ofSeconds(100)).until(stopping::isDone);
        stopping.get();
        assertThat(hub.isRunning()).isFalse();
    }
}

package org.poahub.agent.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service ({@code ejecutar}) and a command run beside it ({@code avance}, {@code importar}) are two processes
 * with a connection each to one outbox file. Each one's writes wait for the other's instead of failing: found by the
 * chaos soak (local-stack {@code ChaosSoakIT}), where reports saved beside a running agent failed with
 * {@code SQLITE_BUSY_SNAPSHOT} ("database is locked") because a save reads the next sequence before it writes.
 */
class TwoProcessesTest {

    private static final int SAVES = 150;

    @TempDir
    Path dir;
    StoreFixture service;
    AgentStore command;

    @BeforeEach
    void open() {
        service = new StoreFixture(dir);
        command = AgentStore.open(service.file);
    }

    @AfterEach
    void close() {
        command.close();
        service.close();
    }

    @Test
    void reportsSavedByTwoConnectionsAtOnceAreAllKeptWithGapFreeSequences() throws Exception {
        CompletableFuture<Void> byService = CompletableFuture.runAsync(() -> saveEach(service.store));
        CompletableFuture<Void> byCommand = CompletableFuture.runAsync(() -> saveEach(command));

        CompletableFuture.allOf(byService, byCommand).get(2, TimeUnit.MINUTES);

        List<Long> sequences = new ArrayList<>();
        service.store.sending().pending(0, 2 * SAVES + 1).forEach(row -> sequences.add(row.sequence()));
        assertThat(sequences).hasSize(2 * SAVES).doesNotHaveDuplicates().startsWith(1L).endsWith(2L * SAVES);
    }

    private void saveEach(AgentStore store) {
        for (int i = 0; i < SAVES; i++) {
            // no validator: both write to one history, and this test is about the writes, not the rules
            SaveResult result = store.outbox().save(List.of(service.expenditure("11.04.02", "25220", "1.00", null)),
                    null);
            assertThat(result.ok()).isTrue();
        }
    }
}

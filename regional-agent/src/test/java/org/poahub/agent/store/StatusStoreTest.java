package org.poahub.agent.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusStoreTest {

    @TempDir
    Path dir;

    @Test
    void theLastErrorAndContactAreKeptAcrossRestarts() {
        try (StoreDatabase db = StoreDatabase.open(dir.resolve("agente.db"))) {
            StatusStore status = new StatusStore(db);
            assertThat(status.get(StatusStore.LAST_ERROR)).isEmpty();
            status.recordError("Sin conexión con el servidor central");
            status.recordError("El servidor central rechazó las credenciales");
            status.recordContact();
        }
        try (StoreDatabase db = StoreDatabase.open(dir.resolve("agente.db"))) {
            StatusStore status = new StatusStore(db);
            assertThat(status.get(StatusStore.LAST_ERROR)).contains("El servidor central rechazó las credenciales");
            assertThat(status.get(StatusStore.LAST_ERROR_AT)).get().matches(at -> Long.parseLong(at) > 0);
            assertThat(status.get(StatusStore.LAST_CONTACT)).get().matches(at -> Long.parseLong(at) > 0);
        }
    }
}

package org.poahub.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL runs in its own session, so when the launcher itself is killed with -9 the server survives it.
 * The next start finds it through postmaster.pid and shuts it down cleanly before starting again.
 */
final class StalePostgres {

    private static final Logger log = LoggerFactory.getLogger(StalePostgres.class);

    private StalePostgres() {
    }

    static void stopIfRunning(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            List<String> lines = Files.readAllLines(pidFile);
            Optional<ProcessHandle> server = lines.isEmpty() ? Optional.empty()
                    : ProcessHandle.of(Long.parseLong(lines.get(0).trim()));
            if (server.isEmpty() || !server.get().isAlive()
                    || !server.get().info().command().map(c -> c.endsWith("postgres")).orElse(false)) {
                return;
            }
            log.warn("A PostgreSQL from an earlier run is still up (pid {}); shutting it down first", server.get().pid());
            server.get().destroy(); // SIGTERM: smart shutdown, the data directory stays consistent
            server.get().onExit().get(60, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + pidFile, e);
        } catch (NumberFormatException e) {
            log.warn("Unreadable {}: {}", pidFile, e.getMessage());
        } catch (Exception e) {
            throw new IllegalStateException("The PostgreSQL of an earlier run (see " + pidFile
                    + ") did not stop within 60 s; stop it by hand and start again", e);
        }
    }
}

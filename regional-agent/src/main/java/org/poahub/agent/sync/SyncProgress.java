package org.poahub.agent.sync;

import java.io.PrintStream;

/** Progress of a long sync on the command line: sent / total, rate and time left, at most once a second. */
public class SyncProgress {

    /** Shows nothing (service mode). */
    public static final SyncProgress SILENT = new SyncProgress(null);

    private final PrintStream out;
    private long total;
    private long sent;
    private long startedAt;
    private long lastPrint;

    public SyncProgress(PrintStream out) {
        this.out = out;
    }

    public synchronized void start(long pending) {
        if (startedAt == 0) {
            startedAt = System.nanoTime();
            total = pending;
        } else {
            total = Math.max(total, sent + pending);
        }
    }

    public synchronized void advance(long n) {
        sent += n;
        long now = System.nanoTime();
        if (out != null && (now - lastPrint > 1_000_000_000L || sent >= total)) {
            lastPrint = now;
            double seconds = Math.max(0.001, (now - startedAt) / 1e9);
            double rate = sent / seconds;
            long left = rate > 0 ? Math.round((total - sent) / rate) : -1;
            Runtime runtime = Runtime.getRuntime();
            long heapMb = (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
            out.printf("Enviados %d de %d (%.0f/s), falta %s, memoria %d MB%n", sent, total, rate,
                    left < 0 ? "?" : left + " s", heapMb);
        }
    }

    public void error(String message) {
        if (out != null) {
            // The message says what happened and that it will be retried (SyncErrors); a refused credential is not
            // a lost connection.
            out.println(message);
        }
    }

    public synchronized long sent() {
        return sent;
    }
}

package org.poahub.hub.finance.reconciliation;

import java.util.concurrent.Executor;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

/**
 * A thread of its own per task, for a run's few blocking or CPU-bound side tasks (the listing's read, the parts of a
 * sort): runs are few, and neither belongs on a shared pool. Daemon threads, so none keeps a stopping hub alive.
 */
final class OwnThreads {

    private OwnThreads() {
    }

    /** An executor that starts a daemon thread named {@code prefix} and a number per task. */
    static Executor named(String prefix) {
        SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor(prefix);
        threads.setDaemon(true);
        return threads;
    }
}

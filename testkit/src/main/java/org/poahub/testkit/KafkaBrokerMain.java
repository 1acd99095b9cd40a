package org.poahub.testkit;

import java.io.IOException;
import java.io.InputStream;

/**
 * Entry point of the broker's child JVM: runs {@code kafka.Kafka} and exits when the parent goes away.
 * The parent keeps our stdin open; end-of-file means it died (even by kill -9), so no broker is orphaned.
 */
public final class KafkaBrokerMain {

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        Thread watchdog = new Thread(() -> {
            try (InputStream in = System.in) {
                while (in.read() >= 0) {
                    // the parent never writes; a byte is ignored
                }
            } catch (IOException ignored) {
                // treated as end-of-file
            }
            System.err.println("poa-testkit: parent process is gone, stopping the broker");
            System.exit(0);
        }, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        kafka.Kafka.main(args);
    }
}

package org.poahub.hub;

import java.io.IOException;
import java.io.InputStream;

/**
 * Entry point of a hub in a child JVM ({@link ChildHub}): the real {@link HubApplication} with the settings given as
 * arguments. It exits when its parent goes away (the parent keeps stdin open; end of file means it died, even by
 * kill -9), so no hub outlives the test; a hub that fails to start exits with status 1 instead of lingering.
 */
public final class ChildHubMain {

    private ChildHubMain() {
    }

    public static void main(String[] args) {
        Thread watchdog = new Thread(() -> {
            try (InputStream in = System.in) {
                while (in.read() >= 0) {
                    // the parent never writes; a byte is ignored
                }
            } catch (IOException ignored) {
                // treated as end of file
            }
            System.err.println("poa-hub test child: the parent process is gone, stopping the hub");
            System.exit(0);
        }, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        try {
            HubApplication.main(args);
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
    }
}

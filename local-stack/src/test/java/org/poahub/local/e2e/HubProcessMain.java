package org.poahub.local.e2e;

import java.io.IOException;
import java.io.InputStream;
import org.poahub.hub.HubApplication;

/**
 * Entry point of a hub in a child JVM ({@link HubProcess}): the real {@link HubApplication} with the settings given
 * as arguments. Like the testkit's broker, it exits when its parent goes away (the parent keeps stdin open; end of
 * file means it died, even by kill -9), so no hub outlives the test. A hub that fails to start exits with status 1,
 * as a supervised service would, instead of lingering.
 */
public final class HubProcessMain {

    private HubProcessMain() {
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
            System.err.println("poa-hub test child: parent process is gone (or asked to stop), stopping the hub");
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

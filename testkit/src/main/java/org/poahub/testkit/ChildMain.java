package org.poahub.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;

/**
 * Entry point of a test's child JVM ({@link ChildJvm}): runs the {@code main} of the class named by the first
 * argument with the other arguments, and exits when the parent goes away. The parent keeps the child's stdin open;
 * end of file means it died (even by kill -9), so no child outlives its test. A main that throws (a hub that cannot
 * start) exits with status 1 instead of lingering. Used for the broker and for hubs a test kills with -9.
 */
public final class ChildMain {

    private ChildMain() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: ChildMain <main class> [arguments...]");
            System.exit(2);
        }
        watchParent(args[0]);
        try {
            Class.forName(args[0]).getMethod("main", String[].class)
                    .invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            e.getCause().printStackTrace();
            System.exit(1);
        } catch (ReflectiveOperationException | RuntimeException e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    /** Exits this JVM once stdin reaches end of file: the parent process is gone. */
    static void watchParent(String what) {
        Thread watchdog = new Thread(() -> {
            try (InputStream in = System.in) {
                while (in.read() >= 0) {
                    // the parent never writes; a byte is ignored
                }
            } catch (IOException ignored) {
                // treated as end of file
            }
            System.err.println("poa-testkit child: the parent process is gone, stopping " + what);
            System.exit(0);
        }, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }
}

package org.poahub.agent.cli;

import java.io.PrintStream;
import java.util.function.Consumer;

/**
 * Prints a refused-credential message on the console of {@code ejecutar} once, and again only when it changes, so an
 * office sees it without a line every retry.
 */
final class CredentialNotices implements Consumer<String> {

    private final PrintStream out;
    private String last;

    CredentialNotices(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void accept(String message) {
        if (!message.equals(last)) {
            last = message;
            out.println("ATENCIÓN: " + message);
        }
    }
}

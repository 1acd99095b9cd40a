package org.poahub.routes.finance;

import java.util.Objects;

/** One file to write to the outbox: its name (no folders) and its bytes. */
public record OutboxFile(String name, byte[] content) {

    public OutboxFile {
        Objects.requireNonNull(content, "content");
        if (name == null || name.isBlank() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            throw new IllegalArgumentException("'" + name + "' is not a plain file name");
        }
    }
}

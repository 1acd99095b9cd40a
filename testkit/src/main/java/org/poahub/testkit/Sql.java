package org.poahub.testkit;

import java.util.regex.Pattern;

final class Sql {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private Sql() {
    }

    /** Database names are built by the harness; refuse anything that would need quoting. */
    static String identifier(String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain SQL identifier: " + name);
        }
        return name;
    }
}

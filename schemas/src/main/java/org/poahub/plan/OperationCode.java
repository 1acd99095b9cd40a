package org.poahub.plan;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The code of an operation (<i>operación</i>), {@code NN.NN.NN}: objective, short-term action, operation.
 * Reports refer to operations by this code, so it stays stable across plan versions.
 * The seed writes codes with a trailing dot ({@code 04.01.01.}); {@link #parse} accepts it.
 */
public record OperationCode(String value) implements Comparable<OperationCode> {

    private static final Pattern FORMAT = Pattern.compile("\\d{2}\\.\\d{2}\\.\\d{2}");

    public OperationCode {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("operation code '" + value + "' is not NN.NN.NN");
        }
    }

    /** Parses a code, tolerating surrounding blanks and one trailing dot as written in the seed. */
    public static OperationCode parse(String text) {
        return tryParse(text).orElseThrow(
                () -> new IllegalArgumentException("operation code '" + text + "' is not NN.NN.NN"));
    }

    public static Optional<OperationCode> tryParse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        if (t.endsWith(".")) {
            t = t.substring(0, t.length() - 1);
        }
        return FORMAT.matcher(t).matches() ? Optional.of(new OperationCode(t)) : Optional.empty();
    }

    public static boolean isValid(String text) {
        return tryParse(text).isPresent();
    }

    /** {@code 11} for {@code 11.04.02}. */
    public String objectiveCode() {
        return value.substring(0, 2);
    }

    /** {@code 11.04} for {@code 11.04.02}. */
    public String actionCode() {
        return value.substring(0, 5);
    }

    @Override
    public int compareTo(OperationCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}

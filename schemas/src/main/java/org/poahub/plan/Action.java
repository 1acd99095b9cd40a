package org.poahub.plan;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A short-term action (<i>acción de corto plazo</i>), code {@code NN.NN}, with its name, its weight within the
 * objective (weights of an objective's actions sum to 100) and its operations.
 */
public record Action(String code, String name, int weight, List<Operation> operations) {

    private static final Pattern FORMAT = Pattern.compile("\\d{2}\\.\\d{2}");

    public Action {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        if (!FORMAT.matcher(code).matches()) {
            throw new IllegalArgumentException("action code '" + code + "' is not NN.NN");
        }
        if (weight < 0 || weight > 100) {
            throw new IllegalArgumentException("weight " + weight + " of action " + code + " is not within 0..100");
        }
        operations = List.copyOf(operations == null ? List.of() : operations);
        for (Operation op : operations) {
            if (!op.code().actionCode().equals(code)) {
                throw new IllegalArgumentException("operation " + op.code() + " does not belong to action " + code);
            }
        }
    }

    public static boolean isValidCode(String text) {
        return text != null && FORMAT.matcher(text).matches();
    }

    /** {@code 11} for {@code 11.04}. */
    public String objectiveCode() {
        return code.substring(0, 2);
    }
}

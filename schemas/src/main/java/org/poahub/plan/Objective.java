package org.poahub.plan;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An objective of the plan, code {@code NN} (e.g. {@code 04}, {@code 11}), with its short-term actions.
 * The name is optional: the SENAVEX 2020 plan gives only the codes.
 */
public record Objective(String code, String name, List<Action> actions) {

    private static final Pattern FORMAT = Pattern.compile("\\d{2}");

    public Objective {
        Objects.requireNonNull(code, "code");
        if (!FORMAT.matcher(code).matches()) {
            throw new IllegalArgumentException("objective code '" + code + "' is not NN");
        }
        name = Objects.requireNonNullElse(name, "");
        actions = List.copyOf(actions == null ? List.of() : actions);
        for (Action a : actions) {
            if (!a.objectiveCode().equals(code)) {
                throw new IllegalArgumentException("action " + a.code() + " does not belong to objective " + code);
            }
        }
    }

    /** Sum of the action weights; a valid plan has 100 for every objective (checked by the import, not here). */
    public int weightSum() {
        return actions.stream().mapToInt(Action::weight).sum();
    }
}

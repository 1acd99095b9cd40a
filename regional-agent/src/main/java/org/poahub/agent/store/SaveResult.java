package org.poahub.agent.store;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.poahub.rules.Finding;

/**
 * What happened to a batch of drafts: either all were saved (their message ids and sequences, plus any warnings)
 * or none was, and {@code rejected} says which draft (0-based index) failed which rule.
 */
public record SaveResult(List<Saved> saved, Map<Integer, List<Finding>> rejected) {

    /** A saved report. */
    public record Saved(UUID messageId, long sequence, List<Finding> warnings) {
    }

    public boolean ok() {
        return rejected.isEmpty();
    }
}

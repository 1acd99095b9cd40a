package org.poahub.agent.store;

import java.util.ArrayList;
import java.util.List;
import org.poahub.contract.Severity;
import org.poahub.rules.Finding;

/** Findings kept in one text column: one per line, tab-separated code, severity, field, message. */
final class Findings {

    private Findings() {
    }

    static String encode(List<Finding> findings) {
        StringBuilder out = new StringBuilder();
        for (Finding f : findings) {
            out.append(clean(f.code())).append('\t').append(f.severity()).append('\t')
                    .append(f.field() == null ? "" : clean(f.field())).append('\t').append(clean(f.message()))
                    .append('\n');
        }
        return out.toString();
    }

    static List<Finding> decode(String text) {
        List<Finding> findings = new ArrayList<>();
        if (text == null) {
            return findings;
        }
        for (String line : text.split("\n")) {
            String[] parts = line.split("\t", 4);
            if (parts.length == 4) {
                findings.add(new Finding(parts[0], Severity.valueOf(parts[1]), parts[2].isEmpty() ? null : parts[2],
                        parts[3]));
            }
        }
        return findings;
    }

    private static String clean(String text) {
        return text.replace('\t', ' ').replace('\n', ' ');
    }
}

package org.poahub.benchmarks.ingest;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code --name N} options of a read-side harness main: the defaults, overridden by the arguments. */
final class IntOptions {

    private IntOptions() {
    }

    /** Exits with status 2, listing the options and their defaults, on an unknown option or a missing value. */
    static Map<String, Integer> parse(String[] args, Map<String, Integer> defaults) {
        Map<String, Integer> options = new LinkedHashMap<>(defaults);
        for (int i = 0; i < args.length; i += 2) {
            if (!options.containsKey(args[i]) || i + 1 >= args.length) {
                System.err.println("options: " + options.keySet() + " (defaults " + options.values() + ")");
                System.exit(2);
            }
            options.put(args[i], Integer.parseInt(args[i + 1]));
        }
        return options;
    }
}

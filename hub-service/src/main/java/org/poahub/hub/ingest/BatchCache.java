package org.poahub.hub.ingest;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Values read from the database at most once per key during one batch, and the batch's own changes to them. A key
 * found absent is remembered as absent, so asking again costs nothing either.
 */
final class BatchCache<K, V> {

    private final Function<Collection<K>, Map<K, V>> loader;
    private final Map<K, V> values = new HashMap<>();
    private final Set<K> loaded = new HashSet<>();

    /** @param loader reads the stored values of some keys (one query for all); keys without a value are left out */
    BatchCache(Function<Collection<K>, Map<K, V>> loader) {
        this.loader = loader;
    }

    /** Reads, in one go, the keys not read yet. */
    void load(Collection<K> keys) {
        List<K> missing = keys.stream().distinct().filter(k -> !loaded.contains(k)).toList();
        if (!missing.isEmpty()) {
            values.putAll(loader.apply(missing));
            loaded.addAll(missing);
        }
    }

    Optional<V> get(K key) {
        load(List.of(key));
        return Optional.ofNullable(values.get(key));
    }

    /** The batch's value from now on (the database is written separately). */
    void put(K key, V value) {
        loaded.add(key);
        values.put(key, value);
    }
}

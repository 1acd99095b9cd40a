package org.poahub.hub.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.poahub.contract.Topics;
import org.poahub.plan.RegionCatalogue;

/**
 * The topics ingest reads and writes for the regions of the configured catalogue; created at start-up when missing
 * (brokers run with auto-create off).
 */
final class IngestTopics {

    private IngestTopics() {
    }

    static List<String> reportTopics(RegionCatalogue regions) {
        return regionCodes(regions).stream()
                .flatMap(region -> java.util.stream.Stream.of(Topics.progress(region), Topics.expenditure(region)))
                .toList();
    }

    static List<String> all(RegionCatalogue regions) {
        List<String> topics = new ArrayList<>(reportTopics(regions));
        regionCodes(regions).stream().map(Topics::outcomes).forEach(topics::add);
        topics.add(Topics.DLQ);
        return topics;
    }

    private static List<String> regionCodes(RegionCatalogue regions) {
        return regions.regions().stream().map(RegionCatalogue.Region::code).sorted().toList();
    }

    static void createMissing(Admin admin, RegionCatalogue regions, int partitions, short replicationFactor) {
        try {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = all(regions).stream().filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, partitions, replicationFactor)).toList();
            if (!missing.isEmpty()) {
                try {
                    admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    // Another hub instance may have created some meanwhile: that is fine.
                    if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                        throw e;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating the ingest topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot create the ingest topics on the broker", e);
        }
    }
}

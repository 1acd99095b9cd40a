package org.poahub.hub.registry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.poahub.contract.SchemaHistory;
import org.poahub.contract.Topics;
import org.poahub.plan.RegionCatalogue;
import org.poahub.registry.PermanentSerdeException;
import org.poahub.registry.SchemaRegistryClient;
import org.poahub.registry.SubjectNameStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Registers every released version of the report schemas ({@link SchemaHistory}, oldest first) under each regional
 * report subject ({@code poa.<region>.progress-value}, {@code poa.<region>.expenditure-value}) of the configured
 * regions, because agents never register schemas themselves. Registering a version already there changes nothing,
 * so this runs at every start. It runs once the web server is up (the embedded registry is this hub) in a background
 * thread that retries while the registry cannot be reached; turn it off with
 * {@code poa.registry.report-schemas.register=false} where CI registers the schemas instead.
 */
@Component
@ConditionalOnBooleanProperty(name = "poa.registry.report-schemas.register", matchIfMissing = true)
public class ReportSchemaRegistrar implements DisposableBean {

    static final List<String> REPORT_RECORDS = List.of("ProgressReport", "ExpenditureReport");
    private static final Duration FIRST_RETRY = Duration.ofMillis(500);
    private static final Duration MAX_RETRY = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(ReportSchemaRegistrar.class);

    private final SchemaRegistryClient registry;
    private final RegionCatalogue regions;
    private final CompletableFuture<Integer> completion = new CompletableFuture<>();
    private final CountDownLatch stopped = new CountDownLatch(1);

    ReportSchemaRegistrar(SchemaRegistryClient registry, RegionCatalogue regions) {
        this.registry = registry;
        this.regions = regions;
    }

    /** Completes with the number of subject versions checked once all are registered; fails on a definite refusal. */
    public CompletableFuture<Integer> completion() {
        return completion.copy();
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        Thread thread = new Thread(this::registerUntilDone, "poa-report-schema-registrar");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Every (subject, schema) pair to register, versions oldest first so version numbers follow the history. Each
     * version is registered in the form the agents' generated classes carry it: the build generates them with
     * {@code stringType=String}, which marks every string {@code "avro.java.string": "String"}, and a serializer that
     * never registers looks its schema up by that exact text (the same form the hub's own serializers register).
     */
    List<Registration> registrations() {
        List<Registration> all = new ArrayList<>();
        for (String record : REPORT_RECORDS) {
            List<Schema> versions = SchemaHistory.versions(record);
            versions.forEach(schema -> markJavaStrings(schema, new HashSet<>()));
            for (RegionCatalogue.Region region : regions.regions()) {
                Topics.Kind kind = record.equals("ProgressReport") ? Topics.Kind.PROGRESS : Topics.Kind.EXPENDITURE;
                String topic = Topics.topic(region.code(), kind);
                for (Schema schema : versions) {
                    all.add(new Registration(SubjectNameStrategy.TOPIC_NAME.subject(topic, false, schema), schema));
                }
            }
        }
        return all;
    }

    /**
     * Marks every plain string as the Avro compiler does for {@code stringType=String} (strings with a logical type,
     * such as uuid, stay unmarked). Avro has no public API for this; the unit test checks the result against the
     * generated classes.
     */
    private static void markJavaStrings(Schema schema, Set<Schema> seen) {
        switch (schema.getType()) {
            case STRING -> {
                if (schema.getLogicalType() == null && schema.getProp(GenericData.STRING_PROP) == null) {
                    schema.addProp(GenericData.STRING_PROP, GenericData.StringType.String.name());
                }
            }
            case RECORD -> {
                if (seen.add(schema)) {
                    schema.getFields().forEach(field -> markJavaStrings(field.schema(), seen));
                }
            }
            case ARRAY -> markJavaStrings(schema.getElementType(), seen);
            case MAP -> {
                if (schema.getProp(GenericData.STRING_PROP) == null) {
                    schema.addProp(GenericData.STRING_PROP, GenericData.StringType.String.name()); // the keys
                }
                markJavaStrings(schema.getValueType(), seen);
            }
            case UNION -> schema.getTypes().forEach(type -> markJavaStrings(type, seen));
            default -> {
            }
        }
    }

    private void registerUntilDone() {
        List<Registration> pending = new ArrayList<>(registrations());
        Duration delay = FIRST_RETRY;
        int total = pending.size();
        while (!pending.isEmpty() && stopped.getCount() > 0) {
            try {
                Registration next = pending.get(0);
                registry.register(next.subject(), next.schema());
                pending.remove(0);
                delay = FIRST_RETRY;
            } catch (PermanentSerdeException e) {
                log.error("The schema registry refused the report schemas ({}); agents cannot send until they are "
                        + "registered. Give the hub a registry user with a writer role (poa.registry.username), or "
                        + "register them in CI and set poa.registry.report-schemas.register=false", e.getMessage());
                completion.completeExceptionally(e);
                return;
            } catch (RuntimeException e) {
                log.info("Schema registry not reachable yet ({}); registering the report schemas again in {} ms",
                        e.getMessage(), delay.toMillis());
                if (await(delay)) {
                    return;
                }
                delay = delay.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : delay.multipliedBy(2);
            }
        }
        if (pending.isEmpty()) {
            log.info("Report schemas registered: {} subject versions for {} regions", total, regions.regions().size());
            completion.complete(total);
        }
    }

    /** @return true when the hub is stopping */
    private boolean await(Duration delay) {
        try {
            return stopped.await(delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    @Override
    public void destroy() {
        stopped.countDown();
    }

    record Registration(String subject, Schema schema) {
    }
}

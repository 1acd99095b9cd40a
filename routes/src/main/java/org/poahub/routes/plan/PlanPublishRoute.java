package org.poahub.routes.plan;

import org.apache.camel.builder.RouteBuilder;

/**
 * Publishes the snapshots of the current plan (a {@code List<PlanSnapshot>} sent to {@link #ENDPOINT}) to the
 * compacted plan topic, one record per region keyed by region code; a later publication replaces the earlier one
 * for every key. The value serializer (Confluent wire format) is configured on the Kafka component.
 */
public class PlanPublishRoute extends RouteBuilder {

    public static final String ENDPOINT = "direct:plan-publish";
    public static final String ROUTE_ID = "plan-publish";

    /** Camel's {@code KafkaConstants.KEY}; spelled out so that this module needs no camel-kafka dependency. */
    static final String KAFKA_KEY = "CamelKafkaKey";

    private final String kafkaUri;

    /** @param kafkaUri e.g. {@code kafka:poa.plan}: the component carries the brokers and the serializers */
    public PlanPublishRoute(String kafkaUri) {
        this.kafkaUri = kafkaUri;
    }

    @Override
    public void configure() {
        from(ENDPOINT).routeId(ROUTE_ID)
                .split(body()).stopOnException()
                    .setHeader(KAFKA_KEY, simple("${body.regionCode}"))
                    .to(kafkaUri)
                .end()
                .log("Published the plan snapshots to " + kafkaUri);
    }
}

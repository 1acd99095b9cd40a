package org.poahub.routes.plan;

import org.apache.camel.builder.RouteBuilder;

/**
 * Publishes the snapshots of the current plan (a {@code List<PlanSnapshot>} sent to {@link #ENDPOINT}) to the
 * compacted plan topic, one record per region keyed by region code; a later publication replaces the earlier one
 * for every key. The value serializer (Confluent wire format) is configured on the {@code kafka} component.
 */
public class PlanPublishRoute extends RouteBuilder {

    public static final String ENDPOINT = "direct:plan-publish";
    public static final String ROUTE_ID = "plan-publish";

    /** Camel's {@code KafkaConstants.KEY}; spelled out so that this module needs no camel-kafka dependency. */
    static final String KAFKA_KEY = "kafka.KEY";

    private final String topic;

    public PlanPublishRoute(String topic) {
        this.topic = topic;
    }

    @Override
    public void configure() {
        from(ENDPOINT).routeId(ROUTE_ID)
                .split(body()).stopOnException()
                    .setHeader(KAFKA_KEY, simple("${body.regionCode}"))
                    .to("kafka:" + topic)
                .end()
                .log("Published plan snapshots to " + topic);
    }
}

package org.poahub.hub.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Route;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.support.RoutePolicySupport;

/**
 * Camel route metrics: {@code poa.camel.route.exchanges}, a timer per route and outcome (success/failure).
 *
 * <p>Written here because {@code org.apache.camel:camel-micrometer} 4.22.0 (and its starter) is missing from the
 * reachable Maven Central, and the newest present (4.18.x) would mix two Camel versions in one application.
 */
public class CamelRouteMetrics implements RoutePolicyFactory {

    static final String EXCHANGES = "poa.camel.route.exchanges";
    private static final String START_NANOS = "poaRouteMetricsStarted";

    private final MeterRegistry registry;

    public CamelRouteMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public RoutePolicy createRoutePolicy(CamelContext camelContext, String routeId, NamedNode route) {
        return new RoutePolicySupport() {
            @Override
            public void onExchangeBegin(Route route, Exchange exchange) {
                exchange.setProperty(START_NANOS, System.nanoTime());
            }

            @Override
            public void onExchangeDone(Route route, Exchange exchange) {
                Long started = exchange.getProperty(START_NANOS, Long.class);
                if (started != null) {
                    timer(route.getRouteId(), exchange.isFailed())
                            .record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
                }
            }
        };
    }

    Timer timer(String routeId, boolean failed) {
        return Timer.builder(EXCHANGES).description("Exchanges completed by each Camel route, and how long they took")
                .tag("route", routeId).tag("outcome", failed ? "failure" : "success").register(registry);
    }
}

package org.poahub.hub.kafka;

import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** Shown as {@code kafka} in /actuator/health: UP when the cluster answers a metadata request. */
@Component("kafka")
class KafkaHealthIndicator extends AbstractHealthIndicator {

    private final Admin admin;

    KafkaHealthIndicator(Admin admin) {
        super("Kafka health check failed");
        this.admin = admin;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        var cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000));
        Collection<Node> nodes = cluster.nodes().get(4, TimeUnit.SECONDS);
        builder.up()
                .withDetail("clusterId", cluster.clusterId().get(4, TimeUnit.SECONDS))
                .withDetail("nodes", nodes.size());
    }
}

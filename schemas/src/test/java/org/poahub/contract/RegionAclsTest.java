package org.poahub.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.kafka.common.acl.AclBinding;
import org.junit.jupiter.api.Test;

class RegionAclsTest {

    @Test
    void anAgentWritesItsReportTopicsReadsItsOutcomesAndThePlanAndUsesItsOwnGroups() {
        assertThat(lines(RegionAcls.forAgent("BO-L", "agente-bo-l"))).containsExactlyInAnyOrder(
                "User:agente-bo-l WRITE TOPIC poa.bo-l.progress (LITERAL)",
                "User:agente-bo-l DESCRIBE TOPIC poa.bo-l.progress (LITERAL)",
                "User:agente-bo-l WRITE TOPIC poa.bo-l.expenditure (LITERAL)",
                "User:agente-bo-l DESCRIBE TOPIC poa.bo-l.expenditure (LITERAL)",
                "User:agente-bo-l READ TOPIC poa.bo-l.outcomes (LITERAL)",
                "User:agente-bo-l DESCRIBE TOPIC poa.bo-l.outcomes (LITERAL)",
                "User:agente-bo-l READ TOPIC poa.plan (LITERAL)",
                "User:agente-bo-l DESCRIBE TOPIC poa.plan (LITERAL)",
                "User:agente-bo-l READ GROUP poa-agent-agente-bo-l- (PREFIXED)",
                "User:agente-bo-l DESCRIBE GROUP poa-agent-agente-bo-l- (PREFIXED)");
    }

    @Test
    void theAgentsReceiptGroupIsInsideItsPrefix() {
        assertThat(RegionAcls.agentReceiptsGroup("a-1")).isEqualTo("poa-agent-a-1-acuses")
                .startsWith(RegionAcls.agentGroupPrefix("a-1"));
    }

    @Test
    void theHubReadsReportsWritesOutcomesDeadLettersThePlanAndTheFinanceExecutionAndNothingOnTheCluster() {
        List<String> hub = lines(RegionAcls.forHub("poa-hub", List.of("BO-L", "BO-C"), "poa-hub"));
        assertThat(hub).contains("User:poa-hub READ TOPIC poa.bo-c.progress (LITERAL)",
                "User:poa-hub READ TOPIC poa.bo-l.expenditure (LITERAL)",
                "User:poa-hub WRITE TOPIC poa.bo-l.outcomes (LITERAL)",
                "User:poa-hub WRITE TOPIC poa.dlq (LITERAL)",
                "User:poa-hub WRITE TOPIC poa.plan (LITERAL)",
                "User:poa-hub CREATE TOPIC poa.plan (LITERAL)",
                "User:poa-hub WRITE TOPIC poa.finance.execution (LITERAL)",
                "User:poa-hub CREATE TOPIC poa.finance.execution (LITERAL)",
                "User:poa-hub READ GROUP poa-hub (PREFIXED)")
                .doesNotContain("User:poa-hub WRITE TOPIC poa.bo-l.progress (LITERAL)",
                        "User:poa-hub READ TOPIC poa.bo-l.outcomes (LITERAL)")
                .noneMatch(line -> line.contains("CLUSTER") || line.contains("bo-s"));
        assertThat(hub).hasSize(2 * (2 * 3 + 3) + 3 + 3 + 3 + 2);
    }

    @Test
    void onlyTheProvisionerMayAlterTheCluster() {
        assertThat(lines(RegionAcls.forProvisioner("poa-hub"))).containsExactlyInAnyOrder(
                "User:poa-hub ALTER CLUSTER kafka-cluster (LITERAL)",
                "User:poa-hub DESCRIBE CLUSTER kafka-cluster (LITERAL)");
    }

    @Test
    void refusesUnknownRegionsAndAgentIdsThatCouldWidenThePrefix() {
        assertThatThrownBy(() -> RegionAcls.forAgent("BO-X", "a")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BO-X");
        assertThatThrownBy(() -> RegionAcls.forAgent("BO-L", "a*")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a*");
        assertThatThrownBy(() -> RegionAcls.forAgent("BO-L", "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void revokingMatchesEveryAclOfTheUserAndNoOther() {
        var filter = RegionAcls.everythingOf("agente-bo-l");
        assertThat(RegionAcls.forAgent("BO-L", "agente-bo-l")).allMatch(filter::matches);
        assertThat(RegionAcls.forAgent("BO-C", "agente-bo-c")).noneMatch(filter::matches);
    }

    private static List<String> lines(List<AclBinding> acls) {
        return acls.stream().map(RegionAcls::describe).toList();
    }
}

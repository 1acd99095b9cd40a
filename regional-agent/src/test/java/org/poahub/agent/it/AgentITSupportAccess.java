package org.poahub.agent.it;

/** Public access to the integration-test helpers for the benchmark harness in another package. */
public final class AgentITSupportAccess {

    private AgentITSupportAccess() {
    }

    public static void createTopics(String bootstrap, String region) throws Exception {
        AgentITSupport.createTopics(bootstrap, region);
    }

    public static void registerSchemas(TestRegistryServer registry, String region) {
        AgentITSupport.registerSchemas(registry, region);
    }
}

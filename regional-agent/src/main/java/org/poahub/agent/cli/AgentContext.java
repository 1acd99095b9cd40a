package org.poahub.agent.cli;

import java.nio.file.Path;
import org.poahub.agent.config.AgentConfig;
import org.poahub.agent.plan.BundledPlan;
import org.poahub.agent.report.ReportFactory;
import org.poahub.agent.store.AgentStore;
import org.poahub.rules.ReportValidator;
import org.poahub.rules.RuleSettings;

/** What every command needs: the configuration, the open store, the report factory and the validator. */
public final class AgentContext implements AutoCloseable {

    private final AgentConfig config;
    private final AgentStore store;
    private final ReportFactory factory;
    private final ReportValidator validator;

    private AgentContext(AgentConfig config) {
        this.config = config;
        this.store = AgentStore.open(config.database());
        BundledPlan.seedIfEmpty(store);
        this.factory = new ReportFactory(config.agentId(), config.region());
        this.validator = store.validator(new RuleSettings(config.unbudgetedObject()));
    }

    public static AgentContext open(Path configFile) {
        return new AgentContext(AgentConfig.load(configFile));
    }

    public AgentConfig config() {
        return config;
    }

    public AgentStore store() {
        return store;
    }

    public ReportFactory factory() {
        return factory;
    }

    public ReportValidator validator() {
        return validator;
    }

    @Override
    public void close() {
        store.close();
    }
}

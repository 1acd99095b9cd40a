package org.poahub.agent.dropfolder;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.poahub.agent.plan.BundledPlan;
import org.poahub.agent.report.ReportFactory;
import org.poahub.agent.store.AgentStore;
import org.poahub.rules.RuleSettings;

/** Set-up of the import tests: a store in a temporary folder seeded with the bundled plan, and an importer on it. */
abstract class ImportFixture {

    @TempDir
    Path dir;
    AgentStore store;
    ReportImporter importer;

    @BeforeEach
    void open() {
        store = AgentStore.open(dir.resolve("agente.db"));
        BundledPlan.seedIfEmpty(store);
        importer = new ReportImporter(store, new ReportFactory("agente-1", "BO-L"),
                store.validator(RuleSettings.DEFAULTS));
    }

    @AfterEach
    void close() {
        store.close();
    }
}

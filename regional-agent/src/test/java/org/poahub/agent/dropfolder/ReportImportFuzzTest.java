package org.poahub.agent.dropfolder;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.poahub.agent.plan.BundledPlan;
import org.poahub.agent.report.ReportFactory;
import org.poahub.agent.store.AgentStore;
import org.poahub.rules.RuleSettings;

/**
 * Coverage-guided fuzzing of the agent's import (the drop folder and {@code importar}): any bytes dropped as a file
 * (named {@code .xlsx} when they start like a zip, {@code .csv} otherwise) are either imported whole, every row saved
 * to the outbox, or refused with Spanish errors and nothing saved. Seeds: the shipped template, CSV and Excel.
 * docs/fuzzing.md.
 */
class ReportImportFuzzTest {

    /** One store for the whole run: opening SQLite and seeding the plan per input would be most of the time. */
    private static AgentStore store;
    private static ReportImporter importer;
    private static Path dir;

    @FuzzTest(maxDuration = "30s")
    void importsAllOrNothing(byte[] content) throws IOException {
        open();
        boolean zip = content.length >= 2 && content[0] == 'P' && content[1] == 'K';
        Path file = Files.write(dir.resolve(zip ? "informes.xlsx" : "informes.csv"), content);
        long before = store.countAll();
        ReportImporter.Result result = importer.importFile(file);
        if (result.ok()) {
            assertThat(result.imported()).isPositive();
            assertThat(store.countAll()).as("rows saved").isEqualTo(before + result.imported());
        } else {
            assertThat(result.errors()).isNotEmpty();
            assertThat(result.errors()).allSatisfy(e -> assertThat(e.line()).isNotBlank());
            assertThat(store.countAll()).as("a refused file saves nothing").isEqualTo(before);
        }
    }

    private static synchronized void open() {
        if (store != null) {
            return;
        }
        try {
            dir = Files.createTempDirectory("agent-import-fuzz");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        store = AgentStore.open(dir.resolve("agente.db"));
        BundledPlan.seedIfEmpty(store);
        importer = new ReportImporter(store, new ReportFactory("agente-fuzz", "BO-L"),
                store.validator(RuleSettings.DEFAULTS));
    }
}

package org.poahub.hub.plan;

import org.poahub.tables.TableException;
import org.poahub.tables.TableLimits;
import org.poahub.tables.TableOptions;
import org.poahub.tables.TableReader;

/** Opens plan files with the reading layer; a file it refuses becomes a {@link PlanImportException}. */
final class PlanFiles {

    /**
     * Nothing declared (a plan file may declare its number format in a "Formato de números" row); a plan is a few
     * thousand rows, so 10 MB (the upload limit) and 100,000 rows are plenty.
     */
    static final TableOptions OPTIONS = TableOptions.defaults()
            .withLimits(TableLimits.defaults().withMaxFileBytes(10L * 1024 * 1024).withMaxRows(100_000));

    private PlanFiles() {
    }

    static PlanSheet read(String fileName, byte[] content, TableOptions options) {
        try {
            return PlanSheet.of(TableReader.read(fileName, content, options));
        } catch (TableException e) {
            throw new PlanImportException(e.errors().stream().map(ImportError::of).toList(), e.technicalDetail());
        }
    }
}

package org.poahub.hub.plan;

import org.poahub.tables.TableOptions;

/**
 * Reads a plan CSV with the shared reading layer: RFC 4180 (quoted texts with separators and line breaks), UTF-8
 * with or without a BOM or Windows-1252, separator {@code ;} — what Excel writes for "CSV (delimitado por comas)"
 * under a Spanish/Bolivian locale, where {@code ,} is the decimal separator — or {@code ,} when the first line has
 * no {@code ;}.
 */
public final class CsvPlanReader {

    private CsvPlanReader() {
    }

    public static PlanSheet read(byte[] content) {
        return read(content, PlanFiles.OPTIONS);
    }

    public static PlanSheet read(byte[] content, TableOptions options) {
        return PlanFiles.read("plan.csv", content, options);
    }
}

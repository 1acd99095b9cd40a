package org.poahub.hub.plan;

import org.poahub.tables.TableOptions;

/**
 * Reads the first sheet of a plan {@code .xlsx} with the shared reading layer (streamed, checked against zip bombs).
 * Cells may be text (as in the shipped files) or what Excel makes of typed values: date cells become
 * {@code aaaa-mm-dd}, numbers the decimal Excel shows (15 significant digits), formulas their cached value.
 */
public final class XlsxPlanReader {

    private XlsxPlanReader() {
    }

    public static PlanSheet read(byte[] content) {
        return read(content, PlanFiles.OPTIONS);
    }

    public static PlanSheet read(byte[] content, TableOptions options) {
        return PlanFiles.read("plan.xlsx", content, options);
    }
}

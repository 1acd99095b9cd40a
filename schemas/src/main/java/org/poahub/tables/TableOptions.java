package org.poahub.tables;

import java.nio.charset.Charset;
import java.util.Objects;

/**
 * How to read one file.
 *
 * @param charset a CSV's declared character set, or {@code null} to detect it: a UTF-8 byte-order mark or valid
 *                UTF-8 is UTF-8, anything else is read as Windows-1252 (what Excel writes for "CSV (delimitado por
 *                comas)" on a Spanish Windows). Ignored for XLSX.
 * @param numbers the declared number style; {@link NumberStyle#UNDECLARED} refuses ambiguous numbers
 * @param limits  what the file may not exceed
 */
public record TableOptions(Charset charset, NumberStyle numbers, TableLimits limits) {

    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    public TableOptions {
        Objects.requireNonNull(numbers, "numbers");
        Objects.requireNonNull(limits, "limits");
    }

    /** Detected charset, nothing declared, default limits. */
    public static TableOptions defaults() {
        return new TableOptions(null, NumberStyle.UNDECLARED, TableLimits.defaults());
    }

    public TableOptions withCharset(Charset declared) {
        return new TableOptions(declared, numbers, limits);
    }

    public TableOptions withNumbers(NumberStyle declared) {
        return new TableOptions(charset, declared, limits);
    }

    public TableOptions withLimits(TableLimits newLimits) {
        return new TableOptions(charset, numbers, newLimits);
    }
}

package org.poahub.routes.finance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A financial-system extract as read from its file: what it is, its period (gestión + cut-off date) and its lines.
 * See docs/finance-format.md.
 */
public sealed interface Extract {

    ExtractKind kind();

    int fiscalYear();

    LocalDate cutOff();

    int lineCount();

    /** Execution by programmatic category; DIFERENCIA lines carry a program's total minus the sum of its lines. */
    record Execution(int fiscalYear, LocalDate cutOff, List<ExecutionLine> lines) implements Extract {
        public Execution {
            lines = List.copyOf(lines);
        }

        @Override
        public ExtractKind kind() {
            return ExtractKind.EJECUCION;
        }

        @Override
        public int lineCount() {
            return lines.size();
        }
    }

    /** A C-31 voucher listing. */
    record Vouchers(int fiscalYear, LocalDate cutOff, List<Voucher> vouchers) implements Extract {
        public Vouchers {
            vouchers = List.copyOf(vouchers);
        }

        @Override
        public ExtractKind kind() {
            return ExtractKind.COMPROBANTES;
        }

        @Override
        public int lineCount() {
            return vouchers.size();
        }
    }

    /** LINEA: a row of the file; DIFERENCIA: a program total that does not equal the sum of its lines. */
    enum LineKind { LINEA, DIFERENCIA }

    /**
     * One line. On a DIFERENCIA line {@code sourceRow} is the total's row, partida, fuente, organismo, proyecto and
     * actividad are "" and each amount is the total minus the sum of the program's lines.
     */
    record ExecutionLine(int sourceRow, LineKind kind, String da, String ue, String programa, String proyecto,
            String actividad, String fuente, String organismo, String partida, BigDecimal vigente,
            BigDecimal preventivo, BigDecimal comprometido, BigDecimal devengado, BigDecimal pagado) {
    }

    enum Stage { PREVENTIVO, COMPROMISO, DEVENGADO, PAGADO }

    enum State { ELABORADO, VERIFICADO, APROBADO }

    enum ReversalKind { TOTAL, PARCIAL }

    /** One C-31 voucher; a reversal has a negative amount and names the voucher it reverses. */
    record Voucher(int sourceRow, String numberRaw, String number, LocalDate date, Stage stage, State state,
            String da, String ue, String partida, String fuente, String organismo, BigDecimal amount,
            String beneficiary, String reversesNumber, ReversalKind reversalKind) {
    }
}

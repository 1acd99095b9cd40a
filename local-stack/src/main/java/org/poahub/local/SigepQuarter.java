package org.poahub.local;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.poahub.hub.finance.mapping.BudgetMapping;

/**
 * The simulated financial system's view of a quarter: the execution extract and the C-31 voucher listing
 * (docs/finance-format.md) that SIGEP would give for what the simulated offices spent up to the cut-off date, with
 * exactly three deliberate differences so the reconciliation has something to show (local-stack/README.md):
 * <ol>
 *   <li><b>a missing voucher</b>: the first expense of the first office is in the execution but its voucher is not in
 *   the listing (voucher {@code SOLO_EN_REGIONALES});</li>
 *   <li><b>an amount off by Bs 10.00</b>: SIGEP recorded the second expense of the first office Bs 10.00 higher, in
 *   its voucher and its execution line (voucher {@code DIFERENCIA_IMPORTE}, line {@code DIFERENCIA} of Bs 10.00);</li>
 *   <li><b>a devengado with no regional report</b>: Bs 8,500.00 on partida {@value #UNREPORTED_PARTIDA} (computer
 *   equipment, which the plan does not budget) in the first office's DA/UE and the first expense's category, with
 *   its voucher {@value #UNREPORTED_VOUCHER} (line and voucher {@code SOLO_EN_SIGEP}).</li>
 * </ol>
 * Everything else matches. The extracts are cumulative (year to date), so every quarter carries the same three.
 * Pure: no files, no clock; {@link SimulatedSigep} feeds it and drops the files.
 */
final class SigepQuarter {

    static final BigDecimal OFF_BY = new BigDecimal("10.00");
    static final String UNREPORTED_PARTIDA = "43120";
    static final BigDecimal UNREPORTED_AMOUNT = new BigDecimal("8500.00");
    static final String UNREPORTED_VOUCHER = "C-31 Nº 0090001";
    static final LocalDate UNREPORTED_DATE = LocalDate.of(2020, 3, 16);

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /**
     * One expense as an office recorded it and the hub accepted it.
     *
     * @param sequence the office's outbox sequence (the order the office recorded its expenses in)
     */
    record Expense(String region, long sequence, String operationCode, String partida, String fundingColumn,
            BigDecimal amount, LocalDate spentOn, String documentNumber) {
    }

    /** The two files' contents (UTF-8 CSV, {@code ;}, Bolivian numbers) and what was left out for want of a mapping. */
    record Files(String execution, String vouchers, int unmapped) {
    }

    private SigepQuarter() {
    }

    /**
     * @param expenses    accepted expenses of the gestión up to {@code cutOff}, of every office
     * @param firstRegion the office that carries the deliberate differences
     */
    static Files build(int fiscalYear, LocalDate cutOff, List<Expense> expenses, String firstRegion,
            BudgetMapping mapping) {
        List<Expense> upToCutOff = expenses.stream().filter(e -> !e.spentOn().isAfter(cutOff)).toList();
        List<Expense> mapped = upToCutOff.stream()
                .filter(e -> mapping.operations().containsKey(e.operationCode())
                        && mapping.funding().containsKey(e.fundingColumn())
                        && mapping.regions().containsKey(e.region()))
                .sorted(Comparator.comparing(Expense::region).thenComparingLong(Expense::sequence)).toList();
        List<Expense> first = mapped.stream().filter(e -> e.region().equals(firstRegion)).toList();
        Expense missingVoucher = first.size() > 0 ? first.get(0) : null;
        Expense offByTen = first.size() > 1 ? first.get(1) : null;

        Map<String, BigDecimal> lines = new TreeMap<>();
        StringBuilder vouchers = new StringBuilder(header("Comprobantes C-31", fiscalYear, cutOff))
                .append("Comprobante;Fecha;Etapa;Estado;DA;UE;Partida;Fuente;Organismo;Importe;Beneficiario;")
                .append("Revierte a;Tipo de reversión\n");
        for (Expense e : mapped) {
            BigDecimal amount = e == offByTen ? e.amount().add(OFF_BY) : e.amount();
            lines.merge(lineKey(mapping, e.region(), e.operationCode(), e.fundingColumn(), e.partida()), amount,
                    BigDecimal::add);
            if (e != missingVoucher) {
                vouchers.append(voucherRow("C-31 Nº " + e.documentNumber(), e.spentOn(), mapping, e.region(),
                        e.partida(), e.fundingColumn(), amount, "Proveedor simulado (" + e.region() + ")"));
            }
        }
        if (missingVoucher != null) {
            lines.merge(lineKey(mapping, firstRegion, missingVoucher.operationCode(), missingVoucher.fundingColumn(),
                    UNREPORTED_PARTIDA), UNREPORTED_AMOUNT, BigDecimal::add);
            vouchers.append(voucherRow(UNREPORTED_VOUCHER, UNREPORTED_DATE, mapping, firstRegion, UNREPORTED_PARTIDA,
                    missingVoucher.fundingColumn(), UNREPORTED_AMOUNT, "Proveedor sin informe regional (simulado)"));
        }

        StringBuilder execution = new StringBuilder(header("Ejecución presupuestaria de gastos por categoría "
                + "programática", fiscalYear, cutOff))
                .append("DA;UE;Programa;Proyecto;Actividad;Fuente;Organismo;Partida;Descripción;Vigente;Preventivo;")
                .append("Comprometido;Devengado;Pagado\n");
        lines.forEach((key, devengado) -> {
            String amount = money(devengado);
            String partida = key.substring(key.lastIndexOf(';') + 1);
            // only the devengado is reconciled; the simulation carries the same figure through every stage
            execution.append(key).append(";Gasto simulado, partida ").append(partida).append(';')
                    .append(String.join(";", amount, amount, amount, amount, amount)).append('\n');
        });
        return new Files(execution.toString(), vouchers.toString(), upToCutOff.size() - mapped.size());
    }

    private static String header(String report, int fiscalYear, LocalDate cutOff) {
        return "Reporte;" + report + "\n"
                + "Entidad;SENAVEX (simulado por el stack local)\n"
                + "Gestión;" + fiscalYear + "\n"
                + "Fecha de corte;" + DATE.format(cutOff) + "\n"
                + "Nota;SIMULADO: construido con los gastos de los agentes simulados y tres diferencias deliberadas"
                + " (un comprobante faltante, un importe con Bs 10,00 de más, un devengado sin informe regional).\n\n";
    }

    /** DA;UE;Programa;Proyecto;Actividad;Fuente;Organismo;Partida (sorts by office, then category). */
    private static String lineKey(BudgetMapping mapping, String region, String operation, String column,
            String partida) {
        BudgetMapping.AdministrativeUnit unit = mapping.regions().get(region);
        BudgetMapping.ProgramCategory category = mapping.operations().get(operation);
        BudgetMapping.FundingSource source = mapping.funding().get(column);
        return String.join(";", unit.da(), unit.ue(), category.programa(), category.proyecto(), category.actividad(),
                source.fuente(), source.organismo(), partida);
    }

    private static String voucherRow(String number, LocalDate date, BudgetMapping mapping, String region,
            String partida, String column, BigDecimal amount, String beneficiary) {
        BudgetMapping.AdministrativeUnit unit = mapping.regions().get(region);
        BudgetMapping.FundingSource source = mapping.funding().get(column);
        List<String> cells = new ArrayList<>(List.of(number, DATE.format(date), "DEVENGADO", "APROBADO", unit.da(),
                unit.ue(), partida, source.fuente(), source.organismo(), money(amount), beneficiary, "", ""));
        return String.join(";", cells) + "\n";
    }

    /** Bolivian notation, as SIGEP prints it: {@code 1.234.567,89} (DecimalFormat formats a BigDecimal exactly). */
    static String money(BigDecimal amount) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
        symbols.setGroupingSeparator('.');
        symbols.setDecimalSeparator(',');
        symbols.setMinusSign('-');
        return new DecimalFormat("#,##0.00", symbols).format(amount);
    }
}

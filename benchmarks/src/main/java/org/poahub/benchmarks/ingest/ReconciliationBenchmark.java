package org.poahub.benchmarks.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.poahub.hub.finance.mapping.BudgetMapping;
import org.poahub.hub.finance.mapping.BudgetMappingService;
import org.poahub.hub.finance.reconciliation.ReconciliationService;
import org.poahub.routes.finance.ExtractFileHandler;
import org.poahub.routes.finance.ExtractOutcome;
import org.poahub.testkit.TestDatabase;
import org.poahub.testkit.TestKafka;
import org.poahub.testkit.TestPostgres;

/**
 * Issue 13's reconciliation benchmark: a C-31 voucher listing of {@code --vouchers} lines (default 100,000) loaded and
 * reconciled against {@code --reports} regional reports (default 1,000,000, half of them expenditure), compared in the
 * same run with a plain SQL join of the same rows (target: the hub within 2× of the join).
 *
 * <p>The reports reach the hub's database through its ingest ({@link PreloadedHub}); the shipped illustrative SENAVEX
 * 2020 budget mapping is loaded; the listing is built from accepted expenditure reports (their voucher number, date,
 * region's DA/UE, partida, funding column's fuente/organismo and amount; every 100th amount Bs 10.00 higher), written
 * as the CSV a finance unit drops, and handed to the handler the {@code finance-extract-in} route calls. Timed:
 * <ul>
 * <li>the load: reading and checking the file, storing it, and the reconciliation its commit triggers;</li>
 * <li>{@code --rounds} reconciliations on their own ({@link ReconciliationService#run}): read the listing and every
 * accepted expenditure report naming a voucher, match, store the findings;</li>
 * <li>the plain SQL join: the same vouchers full-joined with the same reports on the voucher number, every row
 * fetched (no checks, no findings written): the floor the hub is compared with.</li>
 * </ul>
 */
public final class ReconciliationBenchmark {

    private static final LocalDate CUT_OFF = LocalDate.of(PreloadedHub.FISCAL_YEAR, 12, 31);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final int reports;
    private final int vouchers;
    private final int rounds;

    private ReconciliationBenchmark(int reports, int vouchers, int rounds) {
        this.reports = reports;
        this.vouchers = vouchers;
        this.rounds = rounds;
    }

    public static void main(String[] args) {
        Map<String, Integer> options = IntOptions.parse(args, Map.of("--reports", 1_000_000, "--vouchers", 100_000,
                "--rounds", 3));
        int status = 0;
        try {
            new ReconciliationBenchmark(options.get("--reports"), options.get("--vouchers"), options.get("--rounds"))
                    .run();
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    private void run() throws Exception {
        TestDatabase database = TestPostgres.freshDatabase();
        try (HubUnderTest hub = new HubUnderTest(TestKafka.bootstrapServers(), database, 3, 500)) {
            PreloadedHub.preload(hub, database, reports, 10, ReconciliationBenchmark::log);
            System.out.println(measure(hub, database, reports, vouchers, rounds));
        }
    }

    /**
     * The measurement on a hub whose database holds the reports already (also run by {@link ReadApiBenchmark} after
     * its own, on the same database, with {@code --vouchers}). Returns the Markdown table.
     */
    static String measure(HubUnderTest hub, TestDatabase database, int reports, int vouchers, int rounds)
            throws Exception {
        try (Connection sql = DriverManager.getConnection(database.jdbcUrl(), database.user(),
                database.password())) {
            BudgetMappingService mappings = hub.bean(BudgetMappingService.class);
            mappings.load(shippedMapping(), "mapeo-senavex-2020-ilustrativo.csv", "benchmark");
            BudgetMapping mapping = mappings.current(PreloadedHub.FISCAL_YEAR).orElseThrow();
            byte[] listing = listing(sql, mapping, vouchers);
            log("voucher listing: %,d lines, %,d bytes", vouchers, listing.length);

            long start = System.nanoTime();
            ExtractOutcome outcome = hub.bean(ExtractFileHandler.class)
                    .handle("comprobantes-bench-2020-12-31.csv", listing, "benchmark");
            double load = millis(start);
            if (!(outcome instanceof ExtractOutcome.Loaded)) {
                throw new IllegalStateException("The listing was not loaded: " + outcome);
            }
            log("load and the reconciliation it triggered: %.0f ms (%d run)", load,
                    count(sql, "select count(*) from finance_reconciliation_run"));

            StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                    "%n| %,d vouchers vs %,d reports (%,d accepted expenditure naming a voucher) | ms |%n|---|---:|%n",
                    vouchers, reports, count(sql, "select count(*) from report where kind = 'EXPENDITURE'"
                            + " and status <> 'REJECTED' and document_number is not null")));
            table.append(String.format(Locale.ROOT, "| load the listing (read, check, store) and reconcile | %.0f |%n",
                    load));
            ReconciliationService reconciliation = hub.bean(ReconciliationService.class);
            for (int round = 1; round <= rounds; round++) {
                settle(sql);
                start = System.nanoTime();
                reconciliation.run(PreloadedHub.FISCAL_YEAR, "benchmark", null);
                table.append(String.format(Locale.ROOT, "| reconcile (round %d) | %.0f |%n", round, millis(start)));
                log("reconcile round %d done", round);
                settle(sql);
                start = System.nanoTime();
                long rows = plainJoin(sql);
                table.append(String.format(Locale.ROOT, "| plain SQL join of the same rows (round %d, %,d rows) | %.0f |%n",
                        round, rows, millis(start)));
            }
            return table.append(findingsSummary(sql)).toString();
        }
    }

    /**
     * Untimed, before each timed step: a checkpoint, so that no step's time includes the writing out of what the step
     * before it wrote (a run stores some 15 MB), and a collection, so that none collects the garbage of the one before.
     * Until the eleventh session the join ran right after each run and paid for both (docs/benchmarks.md,
     * "Reconciliation").
     */
    private static void settle(Connection sql) throws SQLException {
        try (Statement st = sql.createStatement()) {
            st.execute("checkpoint");
        }
        System.gc();
    }

    /** The vouchers full-joined with the accepted expenditure reports up to the cut-off, every row fetched. */
    private static long plainJoin(Connection sql) throws SQLException {
        try (PreparedStatement st = sql.prepareStatement("""
                select v.number, v.amount, v.voucher_date, r.message_id, r.region_code, r.amount, r.spent_on
                from (select * from finance_voucher
                      where extract_id = (select max(id) from finance_extract)) v
                full join (select message_id, region_code, amount, spent_on, upper(document_number) as number
                           from report
                           where kind = 'EXPENDITURE' and status <> 'REJECTED' and fiscal_year = ?
                             and spent_on <= ? and document_number is not null) r
                       on r.number = v.number""")) {
            st.setInt(1, PreloadedHub.FISCAL_YEAR);
            st.setObject(2, CUT_OFF);
            st.setFetchSize(10_000);
            long rows = 0;
            sql.setAutoCommit(false); // a fetch size streams only inside a transaction
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows++;
                }
            } finally {
                sql.commit();
                sql.setAutoCommit(true);
            }
            return rows;
        }
    }

    /** The listing: {@code vouchers} accepted expenditure reports as SIGEP would list them, es-BO numbers. */
    private static byte[] listing(Connection sql, BudgetMapping mapping, int vouchers) throws SQLException {
        DecimalFormat bolivian = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.forLanguageTag("es-BO")));
        bolivian.setParseBigDecimal(true);
        StringBuilder csv = new StringBuilder(vouchers * 110)
                .append("Reporte;Comprobantes C-31\nGestión;").append(PreloadedHub.FISCAL_YEAR)
                .append("\nFecha de corte;").append(CUT_OFF.format(DAY)).append("\n\n")
                .append("Comprobante;Fecha;Etapa;Estado;DA;UE;Partida;Fuente;Organismo;Importe;Beneficiario;")
                .append("Revierte a;Tipo de reversión\n");
        try (PreparedStatement st = sql.prepareStatement("""
                select document_number, spent_on, region_code, object_code, funding_source, amount
                from report
                where kind = 'EXPENDITURE' and status <> 'REJECTED' and fiscal_year = ? and spent_on <= ?
                order by message_id limit ?""")) {
            st.setInt(1, PreloadedHub.FISCAL_YEAR);
            st.setObject(2, CUT_OFF);
            st.setInt(3, vouchers);
            int line = 0;
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    line++;
                    BudgetMapping.AdministrativeUnit unit = mapping.regions().get(rs.getString(3));
                    BudgetMapping.FundingSource source = mapping.funding().get(rs.getString(5));
                    BigDecimal amount = rs.getBigDecimal(6);
                    if (line % 100 == 0) {
                        amount = amount.add(BigDecimal.TEN);
                    }
                    csv.append(rs.getString(1)).append(';').append(rs.getObject(2, LocalDate.class).format(DAY))
                            .append(";DEVENGADO;APROBADO;").append(unit.da()).append(';').append(unit.ue())
                            .append(';').append(rs.getString(4)).append(';').append(source.fuente()).append(';')
                            .append(source.organismo()).append(';').append(bolivian.format(amount))
                            .append(";PROVEEDOR ").append(line).append(";;\n");
                }
            }
            if (line != vouchers) {
                throw new IllegalStateException("Only " + line + " accepted expenditure reports for " + vouchers
                        + " vouchers: preload more reports");
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String findingsSummary(Connection sql) throws SQLException {
        StringBuilder summary = new StringBuilder("\nFindings of the newest run:");
        try (PreparedStatement st = sql.prepareStatement("""
                select finding, sum(n) from (
                    select finding, count(*) as n from finance_voucher_finding
                    where run_id = (select max(id) from finance_reconciliation_run) group by finding
                    union all
                    select 'SOLO_EN_REGIONALES', cardinality(message_ids) from finance_unmatched_claims
                    where run_id = (select max(id) from finance_reconciliation_run)
                    union all
                    select 'CONCILIADO', cardinality(message_ids) from finance_reconciled_vouchers
                    where run_id = (select max(id) from finance_reconciliation_run)) f
                group by finding order by 1""");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                summary.append(String.format(Locale.ROOT, " %s %,d;", rs.getString(1), rs.getLong(2)));
            }
        }
        return summary.append('\n').toString();
    }

    private static byte[] shippedMapping() {
        try (InputStream in = BudgetMappingService.class.getResourceAsStream(
                "/finance/mapeo-senavex-2020-ilustrativo.csv")) {
            if (in == null) {
                throw new IllegalStateException("The shipped mapping is not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long count(Connection sql, String query) throws SQLException {
        try (PreparedStatement st = sql.prepareStatement(query); ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static double millis(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static void log(String message) {
        log("%s", message);
    }

    private static void log(String format, Object... args) {
        System.err.printf(Locale.ROOT, "[%tT] %s%n", System.currentTimeMillis(), String.format(Locale.ROOT, format, args));
    }
}

package org.poahub.local.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.poahub.contract.ExpenditureReport;
import org.poahub.contract.ProgressReport;

/**
 * The expected figures, read from what the agent saved in its SQLite outbox (a reader beside the agent's writer is
 * fine in WAL mode).
 */
record AgentOutbox(List<Row> rows) {

    /**
     * @param periodEnd the progress period's end (null for expenditure)
     * @param spentOn   the expenditure's date (null for progress)
     * @param state     where the report is at the agent ({@code ReportState}: PENDIENTE, ENVIADO, or the hub's
     *                  verdict from its receipt)
     */
    record Row(long seq, UUID messageId, String kind, String operation, BigDecimal value, LocalDate periodEnd,
               LocalDate spentOn, String state) {

        boolean accepted() {
            return state.equals("ACEPTADO") || state.equals("ACEPTADO_CON_OBSERVACIONES");
        }
    }

    static AgentOutbox read(Path database) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT seq, message_id, kind, operation_code, value, payload, state FROM outbox "
                     + "ORDER BY seq")) {
            while (rs.next()) {
                String kind = rs.getString(3);
                boolean progress = kind.equals("PROGRESS");
                LocalDate periodEnd = progress ? decodeProgress(rs.getBytes(6)).getPeriodEnd() : null;
                LocalDate spentOn = progress ? null : decodeExpenditure(rs.getBytes(6)).getSpentOn();
                rows.add(new Row(rs.getLong(1), UUID.fromString(rs.getString(2)), kind, rs.getString(4),
                        new BigDecimal(rs.getString(5)).stripTrailingZeros(), periodEnd, spentOn, rs.getString(7)));
            }
        }
        return new AgentOutbox(List.copyOf(rows));
    }

    /** The reports the hub accepted, by the receipts the agent holds: what consolidation must count. */
    AgentOutbox accepted() {
        return new AgentOutbox(rows.stream().filter(Row::accepted).toList());
    }

    /** Message id → the agent's state of the report. */
    Map<UUID, String> states() {
        return rows.stream().collect(Collectors.toMap(Row::messageId, Row::state));
    }

    /** Message id → value, to compare with the hub's report rows. */
    Map<UUID, BigDecimal> values() {
        return rows.stream().collect(Collectors.toMap(Row::messageId, Row::value));
    }

    BigDecimal expenditureSum() {
        return ofKind("EXPENDITURE").stream().map(Row::value)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    long expenditureCount() {
        return ofKind("EXPENDITURE").size();
    }

    /**
     * Operation → the cumulative progress the hub should hold: progress is cumulative, so the report with the latest
     * period end counts, and of reports ending on the same day the later one (docs/consolidation.md). The agent keys
     * its messages by region and operation, so the hub receives one operation's reports in outbox order.
     */
    Map<String, BigDecimal> latestProgress() {
        Map<String, Row> latest = new HashMap<>();
        for (Row r : ofKind("PROGRESS")) {
            latest.merge(r.operation(), r, (current, next) -> next.periodEnd().isBefore(current.periodEnd()) ? current : next);
        }
        Map<String, BigDecimal> values = new HashMap<>();
        latest.forEach((operation, row) -> values.put(operation, row.value()));
        return values;
    }

    /** Operation → how many progress reports the agent saved for it. */
    Map<String, Long> progressReports() {
        return ofKind("PROGRESS").stream().collect(Collectors.groupingBy(Row::operation, Collectors.counting()));
    }

    private List<Row> ofKind(String kind) {
        return rows.stream().filter(r -> r.kind().equals(kind)).toList();
    }

    /** The outbox holds each report as Avro single-object encoding (what the agent sends, without the wire header). */
    private static ProgressReport decodeProgress(byte[] payload) {
        try {
            return ProgressReport.getDecoder().decode(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ExpenditureReport decodeExpenditure(byte[] payload) {
        try {
            return ExpenditureReport.getDecoder().decode(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}

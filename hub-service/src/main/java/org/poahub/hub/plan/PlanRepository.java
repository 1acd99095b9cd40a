package org.poahub.hub.plan;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.poahub.plan.Action;
import org.poahub.plan.BudgetLine;
import org.poahub.plan.Objective;
import org.poahub.plan.Operation;
import org.poahub.plan.OperationCode;
import org.poahub.plan.Plan;
import org.poahub.plan.RegionalShare;
import org.poahub.plan.Target;
import org.poahub.plan.TargetKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Plan versions in PostgreSQL (tables of {@code V2__plan.sql}); versions are only ever inserted. */
@Repository
public class PlanRepository {

    private static final String VERSION_COLUMNS = "id, fiscal_year, version, entity_code, entity_acronym, created_by, "
            + "created_at, reason, source_file, checksum_sha256";

    private static final RowMapper<PlanVersion> VERSION = (rs, n) -> new PlanVersion(rs.getLong("id"),
            rs.getInt("fiscal_year"), rs.getInt("version"), rs.getString("entity_code"), rs.getString("entity_acronym"),
            rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(), rs.getString("reason"),
            rs.getString("source_file"), rs.getString("checksum_sha256"));

    private final JdbcTemplate jdbc;

    public PlanRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises imports of one fiscal year until the end of the current transaction. */
    public void lockYear(int fiscalYear) {
        jdbc.query("select pg_advisory_xact_lock(?, ?)", rs -> null, 0x504f41, fiscalYear);
    }

    public boolean isEmpty() {
        return !Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from plan_version)", Boolean.class));
    }

    public Optional<PlanVersion> latest(int fiscalYear) {
        return jdbc.query("select " + VERSION_COLUMNS + " from plan_version where fiscal_year = ? order by version desc limit 1",
                VERSION, fiscalYear).stream().findFirst();
    }

    public Optional<PlanVersion> version(int fiscalYear, int version) {
        return jdbc.query("select " + VERSION_COLUMNS + " from plan_version where fiscal_year = ? and version = ?",
                VERSION, fiscalYear, version).stream().findFirst();
    }

    public List<PlanVersion> versions(int fiscalYear) {
        return jdbc.query("select " + VERSION_COLUMNS + " from plan_version where fiscal_year = ? order by version",
                VERSION, fiscalYear);
    }

    /** The fiscal years with a plan, newest first. */
    public List<Integer> fiscalYears() {
        return jdbc.queryForList("select distinct fiscal_year from plan_version order by fiscal_year desc", Integer.class);
    }

    /** The newest version of the year whose plan contains the operation, if any. */
    public Optional<Integer> lastVersionContaining(int fiscalYear, String operationCode) {
        return jdbc.queryForList("select max(v.version) from plan_version v join plan_operation o on o.version_id = v.id "
                + "where v.fiscal_year = ? and o.code = ?", Integer.class, fiscalYear, operationCode)
                .stream().filter(v -> v != null).findFirst();
    }

    public PlanVersion insert(Plan plan, int version, String user, String reason, String sourceFile, String checksum) {
        PlanVersion stored = jdbc.queryForObject("insert into plan_version (fiscal_year, version, entity_code, entity_acronym, "
                + "funding_columns, created_by, reason, source_file, checksum_sha256) values (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "returning " + VERSION_COLUMNS, VERSION, plan.fiscalYear(), version, plan.entityCode(),
                plan.entityAcronym(), plan.fundingColumns().toArray(String[]::new), user, reason, sourceFile, checksum);
        long id = stored.id();
        List<Object[]> objectives = new ArrayList<>();
        List<Object[]> actions = new ArrayList<>();
        List<Object[]> operations = new ArrayList<>();
        List<Object[]> amounts = new ArrayList<>();
        List<Object[]> shares = new ArrayList<>();
        for (Objective o : plan.objectives()) {
            objectives.add(new Object[] {id, o.code(), o.name(), objectives.size()});
            for (Action a : o.actions()) {
                actions.add(new Object[] {id, a.code(), a.name(), a.weight(), actions.size()});
                for (Operation op : a.operations()) {
                    operations.add(new Object[] {id, op.code().value(), a.code(), op.name(), op.expectedResult(),
                            op.indicator(), op.target().value(), op.target().kind().name(), op.target().originalText(),
                            op.meansOfVerification(), op.start(), op.end(), op.responsibleUnit(), operations.size()});
                    for (int l = 0; l < op.budgetLines().size(); l++) {
                        BudgetLine line = op.budgetLines().get(l);
                        for (int c = 0; c < line.amounts().size(); c++) {
                            amounts.add(new Object[] {id, op.code().value(), line.objectCode(), l, c, line.amount(c)});
                        }
                    }
                    for (int s = 0; s < op.regionalShares().size(); s++) {
                        RegionalShare share = op.regionalShares().get(s);
                        shares.add(new Object[] {id, op.code().value(), share.regionCode(), share.targetSharePercent(),
                                share.budgetSharePercent(), s});
                    }
                }
            }
        }
        jdbc.batchUpdate("insert into plan_objective (version_id, code, name, position) values (?, ?, ?, ?)", objectives);
        jdbc.batchUpdate("insert into plan_action (version_id, code, name, weight, position) values (?, ?, ?, ?, ?)", actions);
        jdbc.batchUpdate("insert into plan_operation (version_id, code, action_code, name, expected_result, indicator, "
                + "target_value, target_kind, target_text, means_of_verification, start_date, end_date, responsible_unit, "
                + "position) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", operations);
        jdbc.batchUpdate("insert into plan_budget_amount (version_id, operation_code, object_code, line_position, "
                + "column_index, amount) values (?, ?, ?, ?, ?, ?)", amounts);
        jdbc.batchUpdate("insert into plan_regional_share (version_id, operation_code, region_code, target_share_percent, "
                + "budget_share_percent, position) values (?, ?, ?, ?, ?, ?)", shares);
        return stored;
    }

    /** Rebuilds the plan of a stored version. */
    public Plan load(PlanVersion version) {
        long id = version.id();
        List<String> funding = jdbc.queryForObject("select funding_columns from plan_version where id = ?",
                (rs, n) -> textArray(rs.getArray(1)), id);
        Map<String, List<BudgetLine>> lines = new LinkedHashMap<>();
        Map<String, Map<String, BigDecimal[]>> amountRows = new LinkedHashMap<>();
        jdbc.query("select operation_code, object_code, column_index, amount from plan_budget_amount where version_id = ? "
                + "order by operation_code, line_position, column_index", rs -> {
                    amountRows.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                            .computeIfAbsent(rs.getString(2), k -> new BigDecimal[funding.size()])[rs.getInt(3)] =
                            rs.getBigDecimal(4);
                }, id);
        amountRows.forEach((op, byObject) -> byObject.forEach((object, a) ->
                lines.computeIfAbsent(op, k -> new ArrayList<>()).add(new BudgetLine(object, List.of(a)))));
        Map<String, List<RegionalShare>> shares = new LinkedHashMap<>();
        jdbc.query("select operation_code, region_code, target_share_percent, budget_share_percent "
                + "from plan_regional_share where version_id = ? order by operation_code, position", rs -> {
                    shares.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new RegionalShare(rs.getString(2),
                            PlanFileParser.normalise(rs.getBigDecimal(3)), PlanFileParser.normalise(rs.getBigDecimal(4))));
                }, id);
        Map<String, List<Operation>> operations = new LinkedHashMap<>();
        jdbc.query("select * from plan_operation where version_id = ? order by position", rs -> {
            String code = rs.getString("code");
            operations.computeIfAbsent(rs.getString("action_code"), k -> new ArrayList<>()).add(new Operation(
                    OperationCode.parse(code), rs.getString("name"), rs.getString("expected_result"),
                    rs.getString("indicator"), target(rs), rs.getString("means_of_verification"),
                    rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
                    rs.getString("responsible_unit"), lines.getOrDefault(code, List.of()),
                    shares.getOrDefault(code, List.of())));
        }, id);
        Map<String, List<Action>> actions = new LinkedHashMap<>();
        jdbc.query("select code, name, weight from plan_action where version_id = ? order by position", rs -> {
            String code = rs.getString(1);
            actions.computeIfAbsent(code.substring(0, 2), k -> new ArrayList<>()).add(new Action(code, rs.getString(2),
                    rs.getInt(3), operations.getOrDefault(code, List.of())));
        }, id);
        List<Objective> objectives = jdbc.query("select code, name from plan_objective where version_id = ? order by position",
                (rs, n) -> new Objective(rs.getString(1), rs.getString(2), actions.getOrDefault(rs.getString(1), List.of())),
                id);
        return new Plan(version.fiscalYear(), version.entityCode(), version.entityAcronym(), funding, objectives);
    }

    private static Target target(ResultSet rs) throws SQLException {
        BigDecimal value = rs.getBigDecimal("target_value");
        return new Target(value == null ? null : PlanFileParser.normalise(value),
                TargetKind.valueOf(rs.getString("target_kind")), rs.getString("target_text"));
    }

    private static List<String> textArray(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }
}

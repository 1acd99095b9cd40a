package org.poahub.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostgresRoundTripIT {

    @Test
    void rowsWrittenToTheRealServerAreReadBackExactly() throws Exception {
        TestDatabase db = TestPostgres.freshDatabase();
        try (Connection c = db.dataSource().getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE budget_line (operation_code text, object_code int, amount numeric(15,2))");
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO budget_line VALUES (?, ?, ?)")) {
                insert.setString(1, "11.04.02");
                insert.setInt(2, 10000);
                insert.setBigDecimal(3, new BigDecimal("4777445.00"));
                insert.addBatch();
                insert.setString(1, "11.04.02");
                insert.setInt(2, 80000);
                insert.setBigDecimal(3, new BigDecimal("1497172.00"));
                insert.addBatch();
                insert.executeBatch();
            }
            List<String> rows = new ArrayList<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT object_code, amount FROM budget_line ORDER BY object_code")) {
                while (rs.next()) {
                    rows.add(rs.getInt(1) + "=" + rs.getBigDecimal(2).toPlainString());
                }
            }
            assertThat(rows).containsExactly("10000=4777445.00", "80000=1497172.00");
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT sum(amount) FROM budget_line")) {
                rs.next();
                assertThat(rs.getBigDecimal(1)).isEqualByComparingTo("6274617.00");
            }
        }
    }

    @Test
    void everyFreshDatabaseStartsEmpty() throws Exception {
        TestDatabase first = TestPostgres.freshDatabase();
        try (Connection c = first.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE leftover (id int)");
        }
        TestDatabase second = TestPostgres.freshDatabase();
        assertThat(second.jdbcUrl()).isNotEqualTo(first.jdbcUrl());
        try (Connection c = second.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_name = 'leftover'")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }
}

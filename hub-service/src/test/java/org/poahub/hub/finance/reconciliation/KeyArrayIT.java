package org.poahub.hub.finance.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.bytefish.pgbulkinsert.PgBulkInsert;
import de.bytefish.pgbulkinsert.mapping.AbstractMapping;
import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.poahub.testkit.TestDatabase;
import org.poahub.testkit.TestPostgres;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A run's findings stored as keys (V27, V28) are written as PostgreSQL binary arrays built by {@link KeyArray}:
 * PostgreSQL must read back every key as it was added, in order, with the usual lower bound of 1.
 */
class KeyArrayIT {

    private final TestDatabase database = TestPostgres.freshDatabase();
    private final JdbcTemplate jdbc = new JdbcTemplate(database.dataSource());

    KeyArrayIT() {
        jdbc.execute("create table keys (id bigint primary key, numbers integer[] not null, ids uuid[] not null)");
    }

    @Test
    void everyIntegerAndIdComesBackAsAddedAndInOrder() {
        Random random = new Random(20200101);
        List<Integer> numbers = new ArrayList<>(List.of(0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 7));
        List<UUID> ids = new ArrayList<>(List.of(new UUID(0, 0), new UUID(-1, -1),
                new UUID(Long.MIN_VALUE, 1), UUID.fromString("8f14e45f-ceea-467f-a0e6-3b5c1e4f6d2a"),
                UUID.randomUUID()));
        for (int i = 0; i < 10_000; i++) {
            numbers.add(random.nextInt());
            ids.add(new UUID(random.nextLong(), random.nextLong()));
        }
        KeyArray numberArray = KeyArray.ofIntegers(1); // room for one key: it grows while they are added
        KeyArray idArray = KeyArray.ofUuids(1);
        numbers.forEach(numberArray::add);
        ids.forEach(idArray::add);

        copy(1, numberArray, idArray);

        assertThat(numberArray.size()).isEqualTo(10_005);
        assertThat(jdbc.queryForObject("select array_lower(numbers, 1) + array_lower(ids, 1) from keys",
                Integer.class)).isEqualTo(2);
        assertThat(read("numbers", Integer[].class)).containsExactlyElementsOf(numbers);
        assertThat(read("ids", UUID[].class)).containsExactlyElementsOf(ids);
    }

    @Test
    void anEmptyArrayIsWrittenAsPostgresqlsEmptyArray() {
        copy(2, KeyArray.ofIntegers(0), KeyArray.ofUuids(0));

        assertThat(jdbc.queryForObject("select numbers = '{}' and ids = '{}' and cardinality(ids) = 0 from keys",
                Boolean.class)).isTrue();
    }

    @Test
    void anArrayTakesOnlyItsOwnKindOfKey() {
        KeyArray numbers = KeyArray.ofIntegers(10);
        KeyArray ids = KeyArray.ofUuids(10);

        assertThatThrownBy(() -> numbers.add(UUID.randomUUID())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ids.add(1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(numbers.size() + ids.size()).isZero();
    }

    private record Row(long id, KeyArray numbers, KeyArray ids) {
    }

    private static final class Mapping extends AbstractMapping<Row> {
        Mapping() {
            super("", "keys");
            mapLongPrimitive("id", Row::id);
            map("numbers", KeyArray.COPY_FIELD, Row::numbers);
            map("ids", KeyArray.COPY_FIELD, Row::ids);
        }
    }

    private void copy(long id, KeyArray numbers, KeyArray ids) {
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            new PgBulkInsert<>(new Mapping()).saveAll(connection.unwrap(PGConnection.class),
                    List.of(new Row(id, numbers, ids)));
            return null;
        });
    }

    private <T> List<T> read(String column, Class<T[]> type) {
        return jdbc.queryForObject("select " + column + " from keys", (rs, n) -> elements(rs.getArray(1), type));
    }

    private static <T> List<T> elements(Array array, Class<T[]> type) throws SQLException {
        return Arrays.asList(type.cast(array.getArray()));
    }
}

package org.poahub.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The shared cases read by the layer itself: each number and date form, its value or its refusal. */
class CellReaderTest {

    static Stream<TableCases.NumberCase> numbers() {
        return TableCases.NUMBERS.stream();
    }

    static Stream<TableCases.DateCase> dates() {
        return TableCases.DATES.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("numbers")
    void readsEachNumberFormOrRefusesIt(TableCases.NumberCase c) {
        List<TableError> errors = new ArrayList<>();
        CellReader reader = new CellReader(NumberStyle.declared(c.declared()), errors::add);
        BigDecimal value = reader.decimal(new TableRow(7, List.of("x", c.text())), 1, "monto");
        if (c.value() != null) {
            assertThat(errors).isEmpty();
            assertThat(value).isEqualTo(c.value());
        } else {
            assertThat(value).isNull();
            assertThat(errors).extracting(TableError::text).containsExactly("Fila 7, columna 'monto': " + c.refusal());
            assertThat(errors.get(0).value()).isEqualTo(c.text());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dates")
    void readsEachDateFormOrRefusesIt(TableCases.DateCase c) {
        List<TableError> errors = new ArrayList<>();
        CellReader reader = new CellReader(NumberStyle.UNDECLARED, errors::add);
        var value = reader.date(new TableRow(3, List.of(c.text())), 0, "fecha_gasto");
        assertThat(value).isEqualTo(c.value());
        assertThat(errors).extracting(TableError::message)
                .containsExactlyElementsOf(c.refusal() == null ? List.of() : List.of(c.refusal()));
    }

    @Test
    void anExcelNumberCellIsExactAndNeverReinterpreted() {
        List<TableError> errors = new ArrayList<>();
        CellReader reader = new CellReader(NumberStyle.DECIMAL_COMMA, errors::add);
        var exact = new java.util.BitSet();
        exact.set(0);
        TableRow row = new TableRow(2, List.of("12.5", "12.500"), exact);
        assertThat(reader.decimal(row, 0, "a")).isEqualByComparingTo("12.5");
        assertThat(reader.decimal(row, 1, "b")).isEqualByComparingTo("12500");
        assertThat(errors).isEmpty();
    }

    @Test
    void blankCellsReadAsNothingWithoutError() {
        List<TableError> errors = new ArrayList<>();
        CellReader reader = new CellReader(NumberStyle.UNDECLARED, errors::add);
        TableRow row = new TableRow(2, List.of("  "));
        assertThat(reader.decimal(row, 0, "a")).isNull();
        assertThat(reader.date(row, 0, "a")).isNull();
        assertThat(reader.integer(row, 5, "a")).isNull();
        assertThat(errors).isEmpty();
        assertThat(reader.reported()).isZero();
    }

    @Test
    void integersRefuseFractions() {
        List<TableError> errors = new ArrayList<>();
        CellReader reader = new CellReader(NumberStyle.UNDECLARED, errors::add);
        assertThat(reader.integer(new TableRow(4, List.of("2020")), 0, "gestion")).isEqualTo(2020);
        assertThat(reader.integer(new TableRow(4, List.of("2020,0")), 0, "gestion")).isEqualTo(2020);
        assertThat(reader.integer(new TableRow(5, List.of("20,5")), 0, "gestion")).isNull();
        assertThat(errors).extracting(TableError::text)
                .containsExactly("Fila 5, columna 'gestion': '20,5' no es un número entero");
    }

    @Test
    void numberStylesAreDeclaredByLocaleSampleOrName() {
        assertThat(NumberStyle.declared("es-BO")).isEqualTo(NumberStyle.DECIMAL_COMMA);
        assertThat(NumberStyle.declared("es_bo")).isEqualTo(NumberStyle.DECIMAL_COMMA);
        assertThat(NumberStyle.declared("1.234,56")).isEqualTo(NumberStyle.DECIMAL_COMMA);
        assertThat(NumberStyle.declared("en-US")).isEqualTo(NumberStyle.DECIMAL_POINT);
        assertThat(NumberStyle.declared("decimal_point")).isEqualTo(NumberStyle.DECIMAL_POINT);
        assertThat(NumberStyle.declared(" ")).isEqualTo(NumberStyle.UNDECLARED);
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> NumberStyle.declared("zz-ZZ"))
                .withMessage("formato de números 'zz-ZZ' desconocido (use es-BO para 1.234,56 o en-US para 1,234.56)");
    }
}

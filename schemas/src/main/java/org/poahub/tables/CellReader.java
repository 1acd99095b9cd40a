package org.poahub.tables;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reads typed cells of one file with one declared {@link NumberStyle}, handing every problem (row, column, value,
 * what was expected; Spanish) to the caller's sink so a whole file's errors are collected, not just the first.
 * A blank cell reads as {@code null} without an error (the caller knows whether it is required); a bad one reads as
 * {@code null} and reports.
 */
public final class CellReader {

    private final NumberStyle numbers;
    private final Consumer<TableError> errors;
    private int reported;

    public CellReader(NumberStyle numbers, Consumer<TableError> errors) {
        this.numbers = Objects.requireNonNull(numbers, "numbers");
        this.errors = Objects.requireNonNull(errors, "errors");
    }

    public NumberStyle numbers() {
        return numbers;
    }

    /** How many problems this reader reported so far. */
    public int reported() {
        return reported;
    }

    /** The exact decimal of a cell; an exact (Excel-typed) cell is taken as is. */
    public BigDecimal decimal(TableRow row, int index, String column) {
        String text = row.cell(index).strip();
        if (text.isEmpty()) {
            return null;
        }
        if (row.isExact(index)) {
            try {
                return new BigDecimal(text);
            } catch (NumberFormatException e) {
                // an Excel date cell where a number is expected: fall through to the text's reading
            }
        }
        return decimal(row.number(), column, text);
    }

    /** The exact decimal a typed text names. */
    public BigDecimal decimal(int row, String column, String text) {
        String value = text.strip();
        if (value.isEmpty()) {
            return null;
        }
        Decimals.Reading reading = Decimals.read(value, numbers);
        if (reading instanceof Decimals.Value v) {
            return v.value();
        }
        if (reading instanceof Decimals.Ambiguous a) {
            report(row, column, value, ambiguous(value, a));
        } else {
            report(row, column, value, "'" + value + "' no es un número (escriba p. ej. 1250,50, 1.250,50 o 1,250.50)");
        }
        return null;
    }

    /** A whole number (e.g. a year or a weight); {@code 2020,0} is 2020, {@code 2020,5} is refused. */
    public Integer integer(TableRow row, int index, String column) {
        String text = row.cell(index).strip();
        int before = reported;
        BigDecimal value = decimal(row, index, column);
        if (value == null) {
            return null;
        }
        try {
            return value.intValueExact();
        } catch (ArithmeticException e) {
            if (reported == before) {
                report(row.number(), column, text, "'" + text + "' no es un número entero");
            }
            return null;
        }
    }

    /** The date of a cell: an Excel date cell, or a typed {@link Dates} form. */
    public LocalDate date(TableRow row, int index, String column) {
        return date(row.number(), column, row.cell(index));
    }

    /** The date a typed text names. */
    public LocalDate date(int row, String column, String text) {
        String value = text.strip();
        if (value.isEmpty()) {
            return null;
        }
        return Dates.read(value).orElseGet(() -> {
            report(row, column, value, "la fecha '" + value + "' no es válida (use " + Dates.FORMS + ")");
            return null;
        });
    }

    /** Reports a problem found by the caller's own rules, through the same sink. */
    public void report(int row, String column, String value, String message) {
        reported++;
        errors.accept(new TableError(row, column, value, message));
    }

    /** The Spanish refusal of an ambiguous number, with both readings and how to settle it. */
    static String ambiguous(String text, Decimals.Ambiguous a) {
        String separator = a.separator() == '.' ? "punto" : "coma";
        BigDecimal stripped = a.asDecimal().stripTrailingZeros();
        // at least one decimal shown, so the decimal reading looks like one: 1.0, not 1
        String decimal = (stripped.scale() < 1 ? stripped.setScale(1) : stripped).toPlainString()
                .replace('.', a.separator());
        return "'" + text + "' es ambiguo: puede ser " + a.asThousands().toPlainString() + " (" + separator
                + " como separador de miles) o " + decimal + " (" + separator + " decimal); declare el formato de "
                + "números (es-BO: 1.234,56; en-US: 1,234.56) o escriba el número sin separador de miles";
    }
}

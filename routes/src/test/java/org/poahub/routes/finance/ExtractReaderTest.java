package org.poahub.routes.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.poahub.routes.finance.Extract.ExecutionLine;
import org.poahub.routes.finance.Extract.LineKind;
import org.poahub.routes.finance.Extract.ReversalKind;
import org.poahub.routes.finance.Extract.Voucher;
import org.poahub.tables.TableError;
import org.poahub.tables.TableOptions;

/** The two SENAVEX 2020 sample extracts of docs/finance-format.md, their encodings, and every refusal. */
class ExtractReaderTest {

    static final String EXECUTION = "ejecucion-senavex-2020-06-30.csv";
    static final String VOUCHERS = "comprobantes-senavex-2020-06-30.csv";

    private final ExtractReader reader = new ExtractReader();

    @Test
    void theExecutionSampleReadsEveryLineAndKeepsTheProgramTwelveDifferenceAsALineOfItsOwn() throws IOException {
        Extract.Execution extract = (Extract.Execution) reader.read(EXECUTION, sample(EXECUTION));

        assertThat(extract.fiscalYear()).isEqualTo(2020);
        assertThat(extract.cutOff()).isEqualTo(LocalDate.of(2020, 6, 30));
        assertThat(extract.lines()).hasSize(6);
        ExecutionLine first = extract.lines().get(0);
        assertThat(first.sourceRow()).isEqualTo(8);
        assertThat(first.partida()).isEqualTo("11700");
        assertThat(first.vigente()).isEqualByComparingTo("2388722.50");
        assertThat(first.devengado()).isEqualByComparingTo("1194361.25");
        // program 11 (DA 1, UE 1): its total equals its three lines, so no difference line
        assertThat(extract.lines()).filteredOn(l -> l.kind() == LineKind.DIFERENCIA).singleElement()
                .satisfies(d -> {
                    assertThat(d.programa()).isEqualTo("12");
                    assertThat(d.sourceRow()).isEqualTo(14);
                    assertThat(d.devengado()).isEqualByComparingTo("0.50");
                    assertThat(d.vigente()).isEqualByComparingTo("0.00");
                    assertThat(d.pagado()).isEqualByComparingTo("0.00");
                });
        assertThat(extract.lines().stream().map(ExecutionLine::devengado).reduce(java.math.BigDecimal::add))
                .hasValueSatisfying(sum -> assertThat(sum).isEqualByComparingTo("2328361.75"));
    }

    @Test
    void utf8Utf8WithBomAndWindows1252VersionsOfOneExtractReadIdentically() throws IOException {
        String text = new String(sample(EXECUTION), StandardCharsets.UTF_8);
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[utf8.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, bom, 3, utf8.length);
        byte[] windows = text.getBytes(TableOptions.WINDOWS_1252);
        assertThat(windows).as("the sample has accents, so the encodings differ").isNotEqualTo(utf8);

        Extract fromUtf8 = reader.read(EXECUTION, utf8);

        assertThat(reader.read(EXECUTION, bom)).isEqualTo(fromUtf8);
        assertThat(reader.read(EXECUTION, windows)).isEqualTo(fromUtf8);
        assertThat(reader.read(EXECUTION, text.replace(';', ',').replace(",,", ",,")
                .getBytes(StandardCharsets.UTF_8)).lineCount()).isPositive();
    }

    @Test
    void theVoucherSampleNormalisesNumbersAndReadsThePartialReversal() throws IOException {
        Extract.Vouchers extract = (Extract.Vouchers) reader.read(VOUCHERS, sample(VOUCHERS));

        assertThat(extract.vouchers()).extracting(Voucher::number).containsExactly("120", "121", "135", "140");
        Voucher reversal = extract.vouchers().get(3);
        assertThat(reversal.numberRaw()).isEqualTo("C-31 Nº 0000140");
        assertThat(reversal.amount()).isEqualByComparingTo("-2000.00");
        assertThat(reversal.reversesNumber()).isEqualTo("120");
        assertThat(reversal.reversalKind()).isEqualTo(ReversalKind.PARCIAL);
        assertThat(extract.vouchers().get(1).beneficiary()).isEqualTo("MARÍA QUISPE (CONSULTORA)");
    }

    @Test
    void everyProblemOfAnExecutionExtractIsListedWithRowAndColumn() {
        String file = "Reporte;Ejecución presupuestaria\nGestión;2020\nFecha de corte;31/07/2021\n"
                + "DA;UE;Programa;Proyecto;Actividad;Fuente;Organismo;Partida;Descripción;Vigente;Preventivo;"
                + "Comprometido;Devengado;Pagado\n"
                + "1;1;11;0000;004;20;230;2522;Consultores;1.000,00;0;0;0;0\n"
                + "1;1;11;0000;004;20;230;25220;Consultores;12.500;0;0;abc;\n";
        ExtractRejectedException e = catchThrowableOfType(ExtractRejectedException.class,
                () -> reader.read("e.csv", file.getBytes(StandardCharsets.UTF_8)));

        assertThat(e.errors()).extracting(TableError::text).containsExactly(
                "Fila 3, columna 'Fecha de corte': la fecha de corte 2021-07-31 no es de la gestión 2020",
                "Fila 5, columna 'Partida': '2522' debe tener exactamente 5 dígitos",
                "Fila 6, columna 'Devengado': 'abc' no es un número (escriba p. ej. 1250,50, 1.250,50 o 1,250.50)",
                "Fila 6, columna 'Pagado': falta el importe (escriba 0 si no hay)");
    }

    @Test
    void aVoucherListingWithBadReversalsAndRepeatedNumbersIsRefusedWhole() {
        String file = "Reporte;Comprobantes C-31\nGestión;2020\nFecha de corte;30/06/2020\n"
                + "Comprobante;Fecha;Etapa;Estado;DA;UE;Partida;Fuente;Organismo;Importe;Beneficiario;Revierte a;"
                + "Tipo de reversión\n"
                + "C-31 Nº 10;01/03/2020;DEVENGADO;APROBADO;1;1;25220;20;230;100,00;A;;\n"
                + "010;02/03/2020;DEVENGADO;APROBADO;1;1;25220;20;230;5,00;A;;\n"
                + "11;01/07/2020;ANULADO;APROBADO;1;1;25220;20;230;-5,00;A;;\n"
                + "12;03/03/2020;DEVENGADO;APROBADO;1;1;25220;20;230;-60,00;A;10;TOTAL\n"
                + "13;03/03/2020;DEVENGADO;APROBADO;1;1;25220;20;230;-1,00;A;99;PARCIAL\n";
        ExtractRejectedException e = catchThrowableOfType(ExtractRejectedException.class,
                () -> reader.read("c.csv", file.getBytes(StandardCharsets.UTF_8)));

        assertThat(e.errors()).extracting(TableError::text).containsExactly(
                "Fila 6, columna 'Comprobante': el comprobante 10 ya está en la fila 5",
                "Fila 7, columna 'Fecha': la fecha 2020-07-01 está fuera de la gestión 2020 o después de la fecha"
                        + " de corte",
                "Fila 7, columna 'Etapa': 'ANULADO' no es uno de PREVENTIVO, COMPROMISO, DEVENGADO, PAGADO",
                "Fila 7, columna 'Importe': importe negativo en un comprobante que no es reversión (indique 'Revierte"
                        + " a' y 'Tipo de reversión')",
                "Fila 8, columna 'Tipo de reversión': una reversión TOTAL del comprobante 10 debe ser por -100.00",
                "Fila 9, columna 'Revierte a': el comprobante 99 que se revierte no está en el listado");
    }

    @Test
    void aFileThatSaysNotWhatItIsIsRefused() {
        ExtractRejectedException e = catchThrowableOfType(ExtractRejectedException.class,
                () -> reader.read("x.csv", "Gestión;2020\nFecha de corte;30/06/2020\nDA;UE\n"
                        .getBytes(StandardCharsets.UTF_8)));

        assertThat(e.errors()).extracting(TableError::text).containsExactly("Archivo: falta la fila 'Reporte' que"
                + " dice qué extracto es (p. ej. 'Reporte;Ejecución presupuestaria de gastos por categoría"
                + " programática' o 'Reporte;Comprobantes C-31')");
    }

    static final String SAMPLES = "/org/poahub/routes/finance/ejemplos/";

    static byte[] sample(String name) throws IOException {
        try (InputStream in = ExtractReaderTest.class.getResourceAsStream(SAMPLES + name)) {
            return in.readAllBytes();
        }
    }
}

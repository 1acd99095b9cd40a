package org.poahub.agent.dropfolder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportImporterTest extends ImportFixture {

    static final String HEADER = String.join(";", ReportImporter.COLUMNS);

    static String progressRow(String op, int value) {
        return "avance;2020;" + op + ";2020-03-01;2020-03-31;" + value + ";25;Avance;INF-1;Ana;;;;;;";
    }

    static String expenditureRow(String amount, String date) {
        return "gasto;2020;11.04.02;;;;;;;;25220;Columna 1;" + amount + ";" + date + ";CBTE-1;Pasajes";
    }

    @Test
    void aGoodCsvImportsEveryRowAndMovesToProcessed() throws IOException {
        Path inbox = Files.createDirectories(dir.resolve("entrada"));
        List<String> lines = new ArrayList<>(List.of(HEADER));
        for (int i = 1; i <= 20; i++) {
            lines.add(progressRow("11.04.02", i));
            lines.add(expenditureRow("1250,50", "15/03/2020"));
        }
        Path file = Files.write(inbox.resolve("marzo.csv"), lines, StandardCharsets.UTF_8);

        ReportImporter.Result result = importer.importAndMove(file);

        assertThat(result.errors()).isEmpty();
        assertThat(result.imported()).isEqualTo(40);
        assertThat(store.countAll()).isEqualTo(40);
        assertThat(result.movedTo()).isEqualTo(inbox.resolve("procesados/marzo.csv"));
        assertThat(file).doesNotExist();
    }

    @Test
    void aMalformedFileImportsNothingAndGetsASpanishErrorFile() throws IOException {
        Path inbox = Files.createDirectories(dir.resolve("entrada"));
        Path file = Files.write(inbox.resolve("abril.csv"), List.of(HEADER,
                progressRow("11.04.02", 1),
                progressRow("99.01.01", 2),
                expenditureRow("mil", "2020-04-01"),
                expenditureRow("10.00", "31/02/2020"),
                "viaje;2020;11.04.02;;;;;;;;;;;;;"), StandardCharsets.UTF_8);

        ReportImporter.Result result = importer.importAndMove(file);

        assertThat(store.countAll()).isZero();
        assertThat(result.movedTo()).isEqualTo(inbox.resolve("con-errores/abril.csv"));
        String errors = Files.readString(result.errorFile(), StandardCharsets.UTF_8);
        assertThat(errors).contains("No se importó ningún informe")
                .contains("Fila 4, columna 'monto': 'mil' no es un número")
                .contains("Fila 5, columna 'fecha_gasto': la fecha '31/02/2020' no es válida")
                .contains("Fila 6, columna 'tipo': debe ser 'avance' o 'gasto'");
        // rule findings are only reached once every row parses
        Path second = Files.write(inbox.resolve("mayo.csv"), List.of(HEADER, progressRow("11.04.02", 1),
                progressRow("99.01.01", 2)), StandardCharsets.UTF_8);
        ReportImporter.Result ruleErrors = importer.importAndMove(second);
        assertThat(ruleErrors.errors()).singleElement()
                .satisfies(e -> assertThat(e.line()).startsWith("Fila 3, columna 'operacion': La operación '99.01.01' "
                        + "no existe en el POA de la gestión 2020.").contains("[OPERATION_UNKNOWN]"));
        assertThat(store.countAll()).isZero();
    }

    @Test
    void aGoodXlsxImportsEveryRow() throws IOException {
        List<List<String>> rows = new ArrayList<>();
        rows.add(ReportImporter.COLUMNS);
        for (int i = 1; i <= 10; i++) {
            rows.add(List.of((progressRow("11.04.02", i)).split(";", -1)));
            rows.add(List.of((expenditureRow("99.90", "2020-03-15")).split(";", -1)));
        }
        Path file = dir.resolve("marzo.xlsx");
        TemplateWriter.writeXlsx(file, rows);

        ReportImporter.Result result = importer.importFile(file);

        assertThat(result.errors()).isEmpty();
        assertThat(result.imported()).isEqualTo(20);
    }

    @Test
    void anAmountWithMoreDigitsThanTheReportCarriesIsRefusedAndNothingIsSaved() throws IOException {
        Path file = Files.write(dir.resolve("junio.csv"), List.of(HEADER,
                expenditureRow("12345678901234.00", "2020-06-15")), StandardCharsets.UTF_8);

        ReportImporter.Result result = importer.importFile(file);

        assertThat(result.ok()).isFalse();
        assertThat(result.errors()).extracting(ImportError::line).anySatisfy(line -> assertThat(line)
                .contains("monto", "'12345678901234.00' tiene demasiadas cifras: a lo sumo 13 antes de la coma decimal."));
        assertThat(store.countAll()).isZero();
    }

    @Test
    void theShippedTemplateImports() throws IOException {
        TemplateWriter.writeTemplates(dir.resolve("plantillas"));
        assertThat(importer.importFile(dir.resolve("plantillas/plantilla-informes.csv")).imported()).isEqualTo(2);
        assertThat(importer.importFile(dir.resolve("plantillas/plantilla-informes.xlsx")).errors()).isEmpty();
    }
}

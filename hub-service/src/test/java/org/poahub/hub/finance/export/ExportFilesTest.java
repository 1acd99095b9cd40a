package org.poahub.hub.finance.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.poahub.routes.finance.ExtractFileHandler;
import org.poahub.routes.finance.OutboxFile;

class ExportFilesTest {

    private static final String STATE = "ab".repeat(32);
    private final PeriodExecution execution = ExecutionExamples.execution();

    @Test
    void namedByEntityGestionPeriodAndVersion() {
        assertThat(ExportFiles.baseName(execution, 2)).isEqualTo("ejecucion_41_2020_2020-T2_v2");
    }

    @Test
    void theCsvIsUtf8WithSemicolonsHeaderRowsThenOneRowPerActionOperationAndLine() {
        List<String> lines = new String(ExportFiles.csv(execution, 2, STATE), StandardCharsets.UTF_8)
                .lines().toList();

        assertThat(lines.subList(0, 11)).containsExactly(
                "Entidad;41;SENAVEX",
                "Gestión;2020",
                "Período;2020-T2;2020-04-01;2020-06-30",
                "Versión;2",
                "Versión del plan;3",
                "Versión del mapeo;2",
                "Huella SHA-256;" + STATE,
                "Avance físico %;" + execution.physicalProgress().toPlainString(),
                "Presupuesto;3800.00",
                "Ejecutado;870.00",
                "");
        assertThat(lines.get(11)).isEqualTo("Tipo;Código;Nombre;Acción;Categoría programática;Partida;"
                + "Fuente-organismo;Ponderación;Avance físico %;Avance programado %;Presupuesto;Ejecutado;Ejecución %");
        assertThat(lines).contains("PARTIDA;;;;11-0000-004;25220;20-230;;;;1000.00;500.00;50.00",
                "PARTIDA;;;;;26990;20-230;;;;0.00;20.00;",
                "TOTAL;;;;;;;;" + execution.physicalProgress().toPlainString() + ";;3800.00;870.00;22.89");
        assertThat(lines).hasSize(12 + 2 + 3 + 5 + 1);
    }

    @Test
    void textCellsThatCouldStartAFormulaAreEscapedInTheCsv() {
        String csv = new String(ExportFiles.csv(execution, 1, STATE), StandardCharsets.UTF_8);

        // the action's name "=HYPERLINK("http://x")" is quoted (it holds quotes) and starts with an apostrophe
        assertThat(csv).contains("ACCION;01.01;\"'=HYPERLINK(\"\"http://x\"\")\";")
                .contains("OPERACION;01.01.02;'-Capacitar;").contains("OPERACION;01.02.01;'@Ferias;")
                .doesNotContain(";=HYPERLINK").doesNotContain(";-Capacitar").doesNotContain(";@Ferias");
    }

    @Test
    void theXlsxHoldsTheSameRowsWithNumbersAsNumbersAndTextEscaped() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
                ExportFiles.xlsx(execution, 1, STATE)))) {
            Sheet summary = workbook.getSheet("Resumen");
            assertThat(summary.getRow(1).getCell(2).getStringCellValue()).isEqualTo("SENAVEX");
            assertThat(summary.getRow(2).getCell(1).getNumericCellValue()).isEqualTo(2020);
            Sheet table = workbook.getSheet("Ejecución");
            assertThat(table.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Tipo");
            Row action = table.getRow(1);
            assertThat(action.getCell(2).getCellType()).isEqualTo(CellType.STRING);
            assertThat(action.getCell(2).getStringCellValue()).isEqualTo("'=HYPERLINK(\"http://x\")");
            assertThat(action.getCell(7).getNumericCellValue()).isEqualTo(60);
            assertThat(table.getRow(4).getCell(2).getStringCellValue()).isEqualTo("'-Capacitar");
            Row total = table.getRow(table.getLastRowNum());
            assertThat(total.getCell(0).getStringCellValue()).isEqualTo("TOTAL");
            assertThat(total.getCell(10).getNumericCellValue()).isEqualTo(3800.00);
            assertThat(total.getCell(11).getNumericCellValue()).isEqualTo(870.00);
            assertThat(table.getLastRowNum()).isEqualTo(2 + 3 + 5 + 1);
        }
    }

    @Test
    void theDoneFileNamesEachFileWithItsHashAndSize() {
        OutboxFile csv = new OutboxFile("a.csv", "x;y".getBytes(StandardCharsets.UTF_8));
        OutboxFile xlsx = new OutboxFile("a.xlsx", new byte[] {1, 2});

        assertThat(new String(ExportFiles.done(List.of(csv, xlsx)), StandardCharsets.UTF_8)).isEqualTo(
                "a.csv;" + ExtractFileHandler.sha256(csv.content()) + ";3\r\n"
                        + "a.xlsx;" + ExtractFileHandler.sha256(xlsx.content()) + ";2\r\n");
    }
}

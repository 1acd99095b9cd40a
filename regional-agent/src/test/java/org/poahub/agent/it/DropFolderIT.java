package org.poahub.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poahub.agent.dropfolder.ReportImporter;
import org.poahub.agent.dropfolder.TemplateWriter;

/** The packaged agent watching its drop folder: a malformed spreadsheet imports nothing, a good one everything. */
class DropFolderIT {

    @TempDir
    Path dir;

    @Test
    void malformedSpreadsheetGetsASpanishErrorFileGoodOneImportsAll() throws Exception {
        AgentProcess agent = new AgentProcess(dir, "BO-T", "127.0.0.1:1", "http://127.0.0.1:1", new Properties());
        Path inbox = Files.createDirectories(agent.dropFolder());
        List<List<String>> good = new ArrayList<>();
        List<List<String>> bad = new ArrayList<>();
        good.add(ReportImporter.COLUMNS);
        bad.add(ReportImporter.COLUMNS);
        for (int i = 1; i <= 500; i++) {
            good.add(List.of(("avance;2020;11.04.02;2020-03-01;2020-03-31;" + i + ";20;;;Ana;;;;;;").split(";", -1)));
            bad.add(List.of(("gasto;2020;11.04.02;;;;;;;;25220;Columna 1;" + i + ".10;2020-03-10;C-" + i + ";").split(";", -1)));
        }
        bad.add(List.of(("gasto;2020;11.04.02;;;;;;;;2522;Columna 1;-5;2020-03-10;C-x;").split(";", -1)));
        TemplateWriter.writeXlsx(inbox.resolve("bueno.xlsx"), good);
        TemplateWriter.writeXlsx(inbox.resolve("malo.xlsx"), bad);

        AgentProcess.Output run = agent.run("vigilar", "--una-vez");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).contains("Importado bueno.xlsx: 500 informes guardados.")
                .contains("El archivo malo.xlsx tiene errores; no se importó nada.");
        assertThat(inbox.resolve("procesados/bueno.xlsx")).exists();
        assertThat(inbox.resolve("con-errores/malo.xlsx")).exists();
        String errors = Files.readString(inbox.resolve("con-errores/malo.xlsx.errores.txt"), StandardCharsets.UTF_8);
        assertThat(errors).contains("Fila 502, columna 'partida': '2522' no es un código de partida de cinco dígitos");
        assertThat(AgentITSupport.countByState(agent.database())).containsEntry("PENDIENTE", 500L).hasSize(1);
    }
}

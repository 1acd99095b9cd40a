package org.poahub.hub.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.poahub.hub.consolidation.ConsolidatedTables;
import org.poahub.hub.consolidation.ConsolidatedTables.ProgressRow;
import org.poahub.hub.consolidation.ConsolidatedTables.SpendRow;
import org.poahub.hub.consolidation.Consolidation;
import org.poahub.hub.consolidation.ConsolidationCalculator;
import org.poahub.hub.consolidation.ConsolidationProperties;
import org.poahub.hub.consolidation.SenavexPlan;
import org.poahub.hub.finance.efficiency.EfficiencyCalculator;
import org.poahub.plan.ObjectOfExpenditureClassifier;
import org.poahub.plan.RegionCatalogue;

/** The quarterly report of SENAVEX 2020, second quarter, written as PDF and XLSX and read back. */
class QuarterlyReportWritersTest {

    private static final LocalDate JUNE_30 = LocalDate.of(2020, 6, 30);
    private static final ReviewTrail.Signatures SIGNED = new ReviewTrail.Signatures(
            new ReviewTrail.Signature("María Quispe Mamani", LocalDate.of(2020, 7, 3)),
            new ReviewTrail.Signature("Juan Carlos Rojas", LocalDate.of(2020, 7, 6)),
            new ReviewTrail.Signature("Ana Gutiérrez Flores", LocalDate.of(2020, 7, 8)));
    private static final List<ReviewTrail.Observation> OBSERVATIONS = List.of(new ReviewTrail.Observation("BO-L",
            "11.04.02", JUNE_30, "analista", "Retraso por cierre de fronteras; se recupera en el tercer trimestre."));

    private final Consolidation figures = new ConsolidationCalculator(RegionCatalogue.loadDefault(),
            ObjectOfExpenditureClassifier.loadDefault(), ConsolidationProperties.DEFAULTS)
            .consolidate(SenavexPlan.PLAN, 1, new ConsolidatedTables(
                    List.of(new ProgressRow("11.04.02", "BO-L", new BigDecimal("1.0000"), null, JUNE_30, 2)),
                    List.of(new SpendRow("11.04.02", "BO-L", "20000", "Columna 1", new BigDecimal("123456.78"), 3))),
                    JUNE_30);
    private final QuarterlyReport report = QuarterlyReport.of(2, figures, OBSERVATIONS, SIGNED,
            EfficiencyCalculator.compute(figures, 2, Optional.empty()));

    @Test
    void thePdfHasTheFiguresTheDeviationWithItsJustificationAndTheSignatures() throws Exception {
        String text;
        try (PDDocument pdf = Loader.loadPDF(QuarterlyReportPdfWriter.write(report))) {
            text = new PDFTextStripper().getText(pdf);
        }
        String flat = text.replaceAll("\\s+", " ");

        assertThat(flat).contains("Informe de seguimiento y evaluación al POA 2020 — SENAVEX",
                "Trimestre 2, cifras al 2020-06-30",
                // the operation's spend and the national budget, exact, in Bolivian notation
                "123.456,78", "11.320.195,00",
                "11.04.02", "Retraso por cierre de fronteras",
                "Elaborado", "Revisado", "Aprobado",
                "María Quispe Mamani", "Juan Carlos Rojas", "Ana Gutiérrez Flores", "2020-07-08");
    }

    @Test
    void theFollowUpsEfficiencyOfTheEntityAndEachActionIsInBoth() throws Exception {
        // action 11.04: physical (25 + 0 × 5) / 6 = 4.17 of a meta 50.88 → 8.20; financial 123,456.78 / 7,789,063 =
        // 1.59 of a meta 51.44 → 3.09; (8.20 + 3.09) / 2 = 5.65 Ineficiente; relative 4.17 / 1.59 = 2.62
        String text;
        try (PDDocument pdf = Loader.loadPDF(QuarterlyReportPdfWriter.write(report))) {
            text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
        assertThat(text).contains("Eficiencia físico-financiera", "Ejecutado: gasto de los reportes regionales",
                "5,65 Ineficiente 2,62 Ejecución financiera rezagada");

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(QuarterlyReportXlsxWriter.write(report)))) {
            var sheet = workbook.getSheet("Eficiencia");
            Row action = null;
            for (Row row : sheet) {
                if (row.getCell(0) != null && "11.04".equals(row.getCell(0).getStringCellValue())) {
                    action = row;
                }
            }
            assertThat(action).isNotNull();
            assertThat(action.getCell(2).getNumericCellValue()).isEqualTo(30);
            assertThat(action.getCell(3).getNumericCellValue()).isEqualTo(123456.78);
            assertThat(action.getCell(4).getStringCellValue()).isEqualTo("Regionales");
            assertThat(action.getCell(7).getNumericCellValue()).isEqualTo(5.65);
            assertThat(action.getCell(8).getStringCellValue()).isEqualTo("Ineficiente");
            assertThat(action.getCell(9).getNumericCellValue()).isEqualTo(2.62);
        }

        QuarterlyReport without = QuarterlyReport.of(2, figures, List.of(), SIGNED);
        try (PDDocument pdf = Loader.loadPDF(QuarterlyReportPdfWriter.write(without))) {
            assertThat(new PDFTextStripper().getText(pdf)).doesNotContain("Eficiencia físico-financiera");
        }
    }

    @Test
    void anUnsignedQuarterSaysSo() throws Exception {
        QuarterlyReport unsigned = QuarterlyReport.of(2, figures, List.of(), ReviewTrail.Signatures.NONE);
        String text;
        try (PDDocument pdf = Loader.loadPDF(QuarterlyReportPdfWriter.write(unsigned))) {
            text = new PDFTextStripper().getText(pdf);
        }
        assertThat(text).contains("(sin firma)", "Sin justificación registrada");
    }

    @Test
    void theWorkbookHasOneRowPerActionAndOperationTheDeviationsAndTheSignatures() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(QuarterlyReportXlsxWriter.write(report)))) {
            var sheet = workbook.getSheet("Seguimiento");
            Row operation = null;
            for (Row row : sheet) {
                if (row.getCell(1) != null && "11.04.02".equals(row.getCell(1).getStringCellValue())) {
                    operation = row;
                }
            }
            assertThat(operation).isNotNull();
            assertThat(operation.getCell(0).getStringCellValue()).isEqualTo("Operación");
            assertThat(operation.getCell(8).getNumericCellValue()).isEqualTo(123456.78);
            // title, subtitle, a blank row, headers, one row per action and operation, the total
            assertThat(sheet.getLastRowNum()).isEqualTo(4 + report.lines().size());
            assertThat(sheet.getRow(4 + report.lines().size()).getCell(7).getNumericCellValue()).isEqualTo(11320195.00);
            List<String> justified = new java.util.ArrayList<>();
            for (Row row : workbook.getSheet("Desvíos")) {
                if ("11.04.02".equals(row.getCell(0).getStringCellValue())) {
                    justified.add(row.getCell(4).getStringCellValue());
                }
            }
            assertThat(justified).singleElement().asString().contains("Retraso por cierre de fronteras");
            assertThat(workbook.getSheet("Firmas").getRow(3).getCell(1).getStringCellValue())
                    .isEqualTo("Ana Gutiérrez Flores");
        }
    }
}

package org.poahub.hub.reports;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The quarterly report as a PDF (OpenPDF), A4 landscape: figures table, physical–financial efficiency (when there is
 * one), deviations, signature block.
 */
final class QuarterlyReportPdfWriter {

    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 13);
    private static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 7.5f);
    private static final Font NORMAL = FontFactory.getFont(FontFactory.HELVETICA, 7.5f);

    /** The follow-up's columns, shared with the workbook. */
    static final String[] EFFICIENCY_HEADERS = {"Código", "Entidad / acción", "Ponderación", "Ejecutado (Bs)",
        "Fuente", "Ejecución financiera (%)", "Avance físico (%)", "Eficiencia ponderada", "Calificación",
        "Eficiencia relativa", "Lectura"};

    private QuarterlyReportPdfWriter() {
    }

    static String title(QuarterlyReport r) {
        return "Informe de seguimiento y evaluación al POA " + r.fiscalYear() + " — " + r.entityAcronym();
    }

    static String subtitle(QuarterlyReport r) {
        return "Trimestre " + r.quarter() + ", cifras al " + r.asOf() + " (versión " + r.planVersion() + " del plan)";
    }

    static String justification(QuarterlyReport.Deviation d) {
        return d.justifications().isEmpty() ? "Sin justificación registrada" : String.join(" | ", d.justifications());
    }

    static Map<String, ReviewTrail.Signature> signatureRows(ReviewTrail.Signatures s) {
        Map<String, ReviewTrail.Signature> rows = new LinkedHashMap<>();
        rows.put("Elaborado", s.prepared());
        rows.put("Revisado", s.reviewed());
        rows.put("Aprobado", s.approved());
        return rows;
    }

    /** Bolivian style, as staff write figures: 1.234.567,89. */
    static String figure(BigDecimal value) {
        if (value == null) {
            return "—";
        }
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.forLanguageTag("es-BO")));
        format.setParseBigDecimal(true);
        return format.format(value);
    }

    static byte[] write(QuarterlyReport report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), 28, 28, 28, 28);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle(title(report));
            document.open();
            document.add(new Paragraph(title(report), TITLE));
            document.add(new Paragraph(subtitle(report), NORMAL));
            document.add(new Paragraph(" "));

            PdfPTable table = new PdfPTable(new float[] {7, 30, 7, 7, 7, 7, 10, 10, 7});
            table.setWidthPercentage(100);
            table.setHeaderRows(1);
            for (String h : new String[] {"Código", "Acción / operación", "Avance físico (%)", "Programado (%)",
                "Desviación (pp)", "Estado", "Presupuesto (Bs)", "Ejecutado (Bs)", "Ejecución (%)"}) {
                table.addCell(cell(h, BOLD, Element.ALIGN_CENTER));
            }
            for (QuarterlyReport.Line line : report.lines()) {
                Font font = line.operation() ? NORMAL : BOLD;
                table.addCell(cell(line.code(), font, Element.ALIGN_LEFT));
                table.addCell(cell(line.name(), font, Element.ALIGN_LEFT));
                table.addCell(cell(figure(line.physicalProgress()), font, Element.ALIGN_RIGHT));
                table.addCell(cell(figure(line.plannedProgress()), font, Element.ALIGN_RIGHT));
                table.addCell(cell(figure(line.variance()), font, Element.ALIGN_RIGHT));
                table.addCell(cell(line.status(), font, Element.ALIGN_LEFT));
                table.addCell(cell(figure(line.budget()), font, Element.ALIGN_RIGHT));
                table.addCell(cell(figure(line.spent()), font, Element.ALIGN_RIGHT));
                table.addCell(cell(figure(line.executionPercent()), font, Element.ALIGN_RIGHT));
            }
            table.addCell(cell("Total", BOLD, Element.ALIGN_LEFT));
            table.addCell(cell(report.entityAcronym(), BOLD, Element.ALIGN_LEFT));
            table.addCell(cell(figure(report.progress().physicalProgress()), BOLD, Element.ALIGN_RIGHT));
            table.addCell(cell(figure(report.progress().plannedProgress()), BOLD, Element.ALIGN_RIGHT));
            table.addCell(cell(figure(report.progress().variance()), BOLD, Element.ALIGN_RIGHT));
            table.addCell(cell(report.progress().statusLabel(), BOLD, Element.ALIGN_LEFT));
            table.addCell(cell(figure(report.money().budget()), BOLD, Element.ALIGN_RIGHT));
            table.addCell(cell(figure(report.money().spent()), BOLD, Element.ALIGN_RIGHT));
            table.addCell(cell(figure(report.money().executionPercent()), BOLD, Element.ALIGN_RIGHT));
            document.add(table);

            if (report.efficiency() != null) {
                document.add(new Paragraph("Eficiencia físico-financiera", TITLE));
                document.add(new Paragraph(report.efficiency().sourceNote(), NORMAL));
                PdfPTable efficiency = new PdfPTable(new float[] {7, 27, 6, 10, 7, 7, 7, 7, 9, 7, 10});
                efficiency.setWidthPercentage(100);
                efficiency.setHeaderRows(1);
                for (String h : EFFICIENCY_HEADERS) {
                    efficiency.addCell(cell(h, BOLD, Element.ALIGN_CENTER));
                }
                for (QuarterlyReport.EfficiencyLine line : report.efficiency().lines()) {
                    Font font = line.weight() == null ? BOLD : NORMAL;
                    efficiency.addCell(cell(line.code(), font, Element.ALIGN_LEFT));
                    efficiency.addCell(cell(line.name(), font, Element.ALIGN_LEFT));
                    efficiency.addCell(cell(line.weight() == null ? "" : line.weight().toString(), font,
                            Element.ALIGN_RIGHT));
                    efficiency.addCell(cell(figure(line.executed()), font, Element.ALIGN_RIGHT));
                    efficiency.addCell(cell(line.source(), font, Element.ALIGN_LEFT));
                    efficiency.addCell(cell(figure(line.financialPercent()), font, Element.ALIGN_RIGHT));
                    efficiency.addCell(cell(figure(line.physicalPercent()), font, Element.ALIGN_RIGHT));
                    efficiency.addCell(cell(figure(line.weightedEfficiency()), font, Element.ALIGN_RIGHT));
                    efficiency.addCell(cell(line.weightedLabel(), font, Element.ALIGN_LEFT));
                    efficiency.addCell(cell(figure(line.relativeEfficiency()), font, Element.ALIGN_RIGHT));
                    efficiency.addCell(cell(line.relativeLabel(), font, Element.ALIGN_LEFT));
                }
                document.add(efficiency);
            }

            document.add(new Paragraph("Desvíos y justificación", TITLE));
            PdfPTable deviations = new PdfPTable(new float[] {8, 30, 8, 8, 46});
            deviations.setWidthPercentage(100);
            for (String h : new String[] {"Operación", "Nombre", "Desviación (pp)", "Estado", "Justificación"}) {
                deviations.addCell(cell(h, BOLD, Element.ALIGN_CENTER));
            }
            for (QuarterlyReport.Deviation d : report.deviations()) {
                deviations.addCell(cell(d.operationCode(), NORMAL, Element.ALIGN_LEFT));
                deviations.addCell(cell(d.operationName(), NORMAL, Element.ALIGN_LEFT));
                deviations.addCell(cell(figure(d.variance()), NORMAL, Element.ALIGN_RIGHT));
                deviations.addCell(cell(d.status(), NORMAL, Element.ALIGN_LEFT));
                deviations.addCell(cell(justification(d), NORMAL, Element.ALIGN_LEFT));
            }
            document.add(deviations);

            document.add(new Paragraph(" "));
            PdfPTable signatures = new PdfPTable(3);
            signatures.setWidthPercentage(80);
            signatures.setKeepTogether(true);
            Map<String, ReviewTrail.Signature> rows = signatureRows(report.signatures());
            rows.keySet().forEach(k -> signatures.addCell(cell(k, BOLD, Element.ALIGN_CENTER)));
            rows.values().forEach(s -> {
                PdfPCell c = cell("\n\n\n" + (s.name() == null ? "(sin firma)" : s.name()) + "\n"
                        + (s.date() == null ? "" : s.date().toString()), NORMAL, Element.ALIGN_CENTER);
                signatures.addCell(c);
            });
            document.add(signatures);
        } catch (DocumentException e) {
            throw new IllegalStateException("Cannot write the quarterly report PDF", e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }

    private static PdfPCell cell(String text, Font font, int align) {
        PdfPCell c = new PdfPCell(new Phrase(text == null ? "" : text, font));
        c.setHorizontalAlignment(align);
        c.setPadding(2.5f);
        return c;
    }
}

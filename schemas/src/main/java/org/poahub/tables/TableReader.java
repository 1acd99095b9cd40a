package org.poahub.tables;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.dhatim.fastexcel.reader.ReadableWorkbook;

/**
 * Opens a table file handed in by a person: {@code .csv} (see {@link CsvTables}) or {@code .xlsx} (first sheet,
 * streamed by fastexcel-reader, see {@link XlsxTables}), checked against the {@link TableLimits}. Every refusal is a
 * {@link TableException} with Spanish {@link TableError}s and, apart, the technical detail.
 */
public final class TableReader {

    private TableReader() {
    }

    /** Reads a file on disk; its name says the format. */
    public static Table read(Path file, TableOptions options) {
        TableFormat format = formatOf(file.getFileName().toString());
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw unreadable(e);
        }
        checkSize(size, options.limits());
        try {
            if (format == TableFormat.CSV) {
                return CsvTables.read(Files.readAllBytes(file), options);
            }
            try (ZipFile zip = openZip(() -> ZipFile.builder().setPath(file).get())) {
                ZipGuard.check(zip, options.limits());
            }
            return XlsxTables.read(() -> new ReadableWorkbook(file.toFile(), XlsxTables.OPTIONS), options.limits());
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    /** Reads an uploaded file's content; {@code fileName} says the format. */
    public static Table read(String fileName, byte[] content, TableOptions options) {
        TableFormat format = formatOf(fileName);
        checkSize(content.length, options.limits());
        try {
            if (format == TableFormat.CSV) {
                return CsvTables.read(content, options);
            }
            try (ZipFile zip = openZip(() -> ZipFile.builder()
                    .setSeekableByteChannel(new SeekableInMemoryByteChannel(content)).get())) {
                ZipGuard.check(zip, options.limits());
            }
            return XlsxTables.read(() -> new ReadableWorkbook(new ByteArrayInputStream(content), XlsxTables.OPTIONS),
                    options.limits());
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    /** The format of a file name, or a Spanish refusal naming the accepted ones. */
    public static TableFormat formatOf(String fileName) {
        return TableFormat.of(fileName).orElseThrow(() -> new TableException(TableError.ofFile("el archivo '"
                + fileName + "' no es .xlsx ni .csv; guárdelo en uno de esos formatos")));
    }

    private static void checkSize(long size, TableLimits limits) {
        if (size > limits.maxFileBytes()) {
            throw new TableException(List.of(TableError.ofFile("el archivo pesa " + ZipGuard.megabytes(size)
                    + "; el máximo es " + ZipGuard.megabytes(limits.maxFileBytes())
                    + " (divídalo en archivos más pequeños)")), "file size " + size + " bytes", null);
        }
    }

    private interface ZipOpener {
        ZipFile open() throws IOException;
    }

    private static ZipFile openZip(ZipOpener opener) {
        try {
            return opener.open();
        } catch (IOException | RuntimeException e) {
            throw new TableException(List.of(TableError.ofFile("el archivo no es un libro Excel .xlsx legible "
                    + "(si es un .xls antiguo, ábralo en Excel y guárdelo como .xlsx)")), detail(e), e);
        }
    }

    static TableException unreadable(Exception e) {
        return new TableException(List.of(TableError.ofFile("no se pudo leer el archivo; vuelva a guardarlo o "
                + "copiarlo")), detail(e), e);
    }

    static String detail(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    /** For messages: the spreadsheet letter of a 0-based column index (0 = A, 26 = AA). */
    static String columnLetter(int index) {
        StringBuilder letters = new StringBuilder();
        for (int i = index + 1; i > 0; i = (i - 1) / 26) {
            letters.insert(0, (char) ('A' + (i - 1) % 26));
        }
        return letters.toString().toUpperCase(Locale.ROOT);
    }

    /** Opens a workbook; IOException as the XLSX reader throws it. */
    interface WorkbookOpener {
        ReadableWorkbook open() throws IOException;
    }
}

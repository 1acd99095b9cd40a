package org.poahub.tables;

import java.io.IOException;
import java.io.InputStream;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Refuses a zip bomb before the XLSX reader opens it: every part is inflated once, counting, and reading stops as
 * soon as the total passes {@link TableLimits#maxUncompressedBytes()} or a large part inflates more than
 * {@link TableLimits#maxCompressionRatio()} times its compressed size. The declared sizes of a zip can lie, so the
 * bytes are counted, not the headers believed. Uses commons-compress's {@link ZipFile}, the one fastexcel opens
 * the workbook with, so both see the same parts.
 */
final class ZipGuard {

    private ZipGuard() {
    }

    static void check(ZipFile zip, TableLimits limits) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (Enumeration<ZipArchiveEntry> entries = zip.getEntries(); entries.hasMoreElements(); ) {
            ZipArchiveEntry entry = entries.nextElement();
            if (entry.isDirectory()) {
                continue;
            }
            long compressed = Math.max(1, entry.getCompressedSize());
            long inflated = 0;
            try (InputStream in = zip.getInputStream(entry)) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    inflated += n;
                    total += n;
                    if (total > limits.maxUncompressedBytes()) {
                        throw new TableException(List.of(TableError.ofFile("el libro Excel descomprimido pasa de "
                                + megabytes(limits.maxUncompressedBytes()) + "; divídalo en archivos más pequeños")),
                                "uncompressed size over " + limits.maxUncompressedBytes() + " bytes at part "
                                        + entry.getName(), null);
                    }
                    if (inflated > TableLimits.RATIO_CHECK_AFTER
                            && (double) inflated / compressed > limits.maxCompressionRatio()) {
                        throw new TableException(List.of(TableError.ofFile("el libro Excel se descomprime más de "
                                + Math.round(limits.maxCompressionRatio()) + " veces su tamaño y parece dañado o "
                                + "malicioso; ábralo en Excel y guárdelo de nuevo")),
                                "compression ratio over " + limits.maxCompressionRatio() + " at part "
                                        + entry.getName() + " (" + inflated + " / " + compressed + " bytes)", null);
                    }
                }
            }
        }
    }

    static String megabytes(long bytes) {
        if (bytes >= 1024 * 1024) {
            return String.format(Locale.ROOT, "%d MB", bytes / (1024 * 1024));
        }
        return String.format(Locale.ROOT, "%d bytes", bytes);
    }
}

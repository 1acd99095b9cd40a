package org.poahub.tables;

/**
 * What a table file may not exceed, each checked while reading with its own Spanish message.
 *
 * @param maxFileBytes         size of the file as handed in (compressed size for an XLSX)
 * @param maxUncompressedBytes total size of an XLSX's parts once inflated (a zip bomb is small compressed)
 * @param maxCompressionRatio  inflated / compressed size allowed for one XLSX part once it passes
 *                             {@link #RATIO_CHECK_AFTER} bytes (Apache POI's default is 100)
 * @param maxRows              rows of the file (blank ones included: they are still read)
 * @param maxCellLength        characters of one cell (Excel's own limit is 32,767)
 */
public record TableLimits(long maxFileBytes, long maxUncompressedBytes, double maxCompressionRatio, int maxRows,
        int maxCellLength) {

    /** Small parts compress badly or well without meaning anything: the ratio is checked past this size. */
    public static final long RATIO_CHECK_AFTER = 1024 * 1024;

    public TableLimits {
        if (maxFileBytes <= 0 || maxUncompressedBytes <= 0 || maxCompressionRatio <= 1 || maxRows <= 0
                || maxCellLength <= 0) {
            throw new IllegalArgumentException("table limits must be positive (ratio > 1): " + maxFileBytes + ", "
                    + maxUncompressedBytes + ", " + maxCompressionRatio + ", " + maxRows + ", " + maxCellLength);
        }
    }

    /** 100 MB file, 1 GB inflated, ratio 100, 1,048,576 rows (Excel's sheet), 32,767 characters per cell. */
    public static TableLimits defaults() {
        return new TableLimits(100L * 1024 * 1024, 1024L * 1024 * 1024, 100, 1_048_576, 32_767);
    }

    public TableLimits withMaxFileBytes(long bytes) {
        return new TableLimits(bytes, maxUncompressedBytes, maxCompressionRatio, maxRows, maxCellLength);
    }

    public TableLimits withMaxUncompressedBytes(long bytes) {
        return new TableLimits(maxFileBytes, bytes, maxCompressionRatio, maxRows, maxCellLength);
    }

    public TableLimits withMaxCompressionRatio(double ratio) {
        return new TableLimits(maxFileBytes, maxUncompressedBytes, ratio, maxRows, maxCellLength);
    }

    public TableLimits withMaxRows(int rows) {
        return new TableLimits(maxFileBytes, maxUncompressedBytes, maxCompressionRatio, rows, maxCellLength);
    }

    public TableLimits withMaxCellLength(int characters) {
        return new TableLimits(maxFileBytes, maxUncompressedBytes, maxCompressionRatio, maxRows, characters);
    }
}

package org.poahub.routes.finance;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The endpoints of the extract inbox: a local folder ({@code file:}) or a folder on an SFTP server ({@code sftp:}).
 * Only {@code .csv} and {@code .xlsx} files are taken (a copy under another name, e.g. {@code .part}, is ignored until
 * renamed), and only once their size and time stop changing ({@code readLock=changed}) so a file being written is not
 * read. The processed file moves to the folder its outcome names, under a time-stamped name.
 *
 * @param baseUri          e.g. {@code file:/var/poa/finanzas/entrada} or {@code sftp://poa@host:22/entrada}
 * @param connectionOptions options every endpoint needs (credentials, known hosts), e.g. {@code password=...}; may be ""
 * @param readLockMillis   how long a file must stay unchanged before it is read
 * @param pollMillis       how often the inbox is listed
 */
public record FinanceInbox(String baseUri, String connectionOptions, long readLockMillis, long pollMillis) {

    static final String FOLDER = "poaFinanceFolder";
    static final String TARGET = "poaFinanceTarget";
    static final String SUMMARY = "poaFinanceSummary";
    /** Camel's {@code Exchange.OVERRULE_FILE_NAME}: the name to write, for this exchange only. */
    static final String OVERRULE_FILE_NAME = "CamelOverruleFileName";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);

    public String consumerUri() {
        return baseUri + "?" + options("include=RAW((?i).*\\.(csv|xlsx))", "readLock=changed",
                "readLockCheckInterval=" + Math.max(100, readLockMillis / 2), "readLockMinAge=" + readLockMillis,
                "readLockTimeout=" + (readLockMillis * 20 + 10_000), "delay=" + pollMillis,
                // on a storage failure: leave the file, list less often for a while
                "backoffErrorThreshold=1", "backoffMultiplier=5",
                "move=${exchangeProperty." + TARGET + "}");
    }

    public String producerUri(String folder) {
        return baseUri + "/" + folder + "?" + options("fileExist=Override");
    }

    /** Where files come from, for the load's record (never the credentials). */
    public String describe() {
        return baseUri;
    }

    /** A name that never collides in the destination folder: {@code extracto.csv} → {@code extracto-<utc>.csv}. */
    static String stamped(String name, long createdMillis) {
        int dot = name.lastIndexOf('.');
        String stamp = STAMP.format(Instant.ofEpochMilli(createdMillis));
        return dot <= 0 ? name + "-" + stamp : name.substring(0, dot) + "-" + stamp + name.substring(dot);
    }

    private String options(String... own) {
        String joined = String.join("&", own);
        return connectionOptions == null || connectionOptions.isBlank() ? joined : connectionOptions + "&" + joined;
    }
}

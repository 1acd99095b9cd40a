package org.poahub.routes.finance;

import java.util.List;

/**
 * The endpoint of the execution outbox: a local folder ({@code file:}) or a folder on an SFTP server ({@code sftp:}).
 * Each file is written under a temporary name ({@code <name>.part}, which no consumer's {@code *.csv} /
 * {@code *.xlsx} / {@code *.done} pattern matches) and renamed to its name once written whole, so a reader never
 * sees a partial file, even if the hub dies half-way. An existing file of the same name is replaced: delivering an
 * export again (a retry) writes the same bytes under the same names, never a second copy.
 *
 * @param baseUri           e.g. {@code file:/var/poa/finanzas/salida} or {@code sftp://poa@host:22/salida}
 * @param connectionOptions options every endpoint needs (credentials, known hosts); may be ""
 */
public record FinanceOutbox(String baseUri, String connectionOptions) {

    /** The suffix of a file being written; renamed away once the file is whole. */
    public static final String TEMPORARY_SUFFIX = ".part";

    public String producerUri() {
        String own = String.join("&", List.of("tempFileName=${file:onlyname}" + TEMPORARY_SUFFIX,
                "fileExist=Override", "eagerDeleteTargetFile=false"));
        return baseUri + "?" + (connectionOptions == null || connectionOptions.isBlank() ? own
                : connectionOptions + "&" + own);
    }

    /** Where files go, for the export's record (never the credentials). */
    public String describe() {
        return baseUri;
    }
}

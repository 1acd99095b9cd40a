package org.poahub.agent.dropfolder;

import java.util.Map;

/** One data row of an import file: its number as the office sees it (header = row 1) and cell text by column. */
public record SheetRow(int number, Map<String, String> cells) {

    public String get(String column) {
        String value = cells.get(column);
        return value == null ? "" : value.strip();
    }
}

package org.poahub.tables;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The titles of a header row, found with or without accents and whatever their case or extra spaces:
 * {@code Código}, {@code codigo} and {@code  CÓDIGO } are the same column; {@code Gestión} and {@code gestion} too.
 */
public final class Columns {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final TableRow header;
    private final Map<String, Integer> indexByKey = new LinkedHashMap<>();
    private final List<String> repeated = new ArrayList<>();

    private Columns(TableRow header) {
        this.header = header;
        for (int i = 0; i < header.cells().size(); i++) {
            String title = header.cell(i).strip();
            if (title.isEmpty()) {
                continue;
            }
            if (indexByKey.putIfAbsent(key(title), i) != null) {
                repeated.add(title);
            }
        }
    }

    public static Columns of(TableRow header) {
        return new Columns(header);
    }

    /** The comparison key of a title: no accents, lower case, single spaces, stripped. */
    public static String key(String title) {
        String decomposed = Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFD);
        return SPACES.matcher(MARKS.matcher(decomposed).replaceAll("")).replaceAll(" ").strip()
                .toLowerCase(Locale.ROOT);
    }

    public TableRow header() {
        return header;
    }

    /** The column's index, or -1 when the header has no such title. */
    public int indexOf(String title) {
        return indexByKey.getOrDefault(key(title), -1);
    }

    public boolean has(String title) {
        return indexOf(title) >= 0;
    }

    /** The titles (as written) that appear a second time; the first occurrence is the column. */
    public List<String> repeated() {
        return List.copyOf(repeated);
    }

    /** The titles the header lacks, in the order asked. */
    public List<String> missing(List<String> required) {
        return required.stream().filter(t -> !has(t)).toList();
    }

    /** The stripped text of the titled column in a row; "" when the column or the cell is absent. */
    public String text(TableRow row, String title) {
        return row.cell(indexOf(title)).strip();
    }
}

package org.poahub.tables;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
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
    /** Titles as asked, for the next lookup: readers ask for the same few titles on every row. */
    private final Map<String, Integer> indexByTitle = new HashMap<>();
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
        String text = title == null ? "" : title;
        if (isPlainKey(text)) {
            return text; // the common case (already a key), without normalising
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return SPACES.matcher(MARKS.matcher(decomposed).replaceAll("")).replaceAll(" ").strip()
                .toLowerCase(Locale.ROOT);
    }

    public TableRow header() {
        return header;
    }

    /** Lower-case ASCII letters, digits and punctuation with single inner spaces: its own key. */
    private static boolean isPlainKey(String text) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char ch = text.charAt(i);
            boolean space = ch == ' ';
            if (ch > 0x7E || (ch < 0x20) || (ch >= 'A' && ch <= 'Z')
                    || (space && (i == 0 || i == n - 1 || text.charAt(i - 1) == ' '))) {
                return false;
            }
        }
        return true;
    }

    /** The column's index, or -1 when the header has no such title. Not thread-safe (one reader per file). */
    public int indexOf(String title) {
        Integer cached = indexByTitle.get(title);
        if (cached == null) {
            cached = indexByKey.getOrDefault(key(title), -1);
            indexByTitle.put(title, cached);
        }
        return cached;
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

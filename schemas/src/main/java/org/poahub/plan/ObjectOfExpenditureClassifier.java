package org.poahub.plan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The groups of Bolivia's <i>Clasificador por Objeto del Gasto</i> (10000 … 90000) with their Spanish names,
 * loaded from a data file. A detailed code belongs to the group of its first digit: {@code 25220} → {@code 20000}.
 * <p>
 * The default file is the resource {@value #DEFAULT_RESOURCE} (columns {@code codigo;nombre}); an operator can
 * supply an edited file with {@link #load(Path)}.
 */
public final class ObjectOfExpenditureClassifier {

    public static final String DEFAULT_RESOURCE = "/org/poahub/plan/clasificador-objeto-del-gasto.csv";

    private static final Pattern CODE = Pattern.compile("\\d{5}");

    /** One group of the classifier. */
    public record Group(String code, String name) {
    }

    private final Map<String, Group> groups;

    private ObjectOfExpenditureClassifier(Map<String, Group> groups) {
        this.groups = groups;
    }

    public static ObjectOfExpenditureClassifier loadDefault() {
        InputStream in = ObjectOfExpenditureClassifier.class.getResourceAsStream(DEFAULT_RESOURCE);
        if (in == null) {
            throw new IllegalStateException("resource " + DEFAULT_RESOURCE + " is missing");
        }
        return load(in, DEFAULT_RESOURCE);
    }

    public static ObjectOfExpenditureClassifier load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public static ObjectOfExpenditureClassifier load(InputStream in, String source) {
        Map<String, Group> groups = new LinkedHashMap<>();
        for (String[] row : CatalogueFile.read(in, source, 2)) {
            String code = row[0];
            if (!CODE.matcher(code).matches() || !code.endsWith("0000") || code.startsWith("0")) {
                throw new IllegalArgumentException(source + ": '" + code + "' no es un código de grupo (10000 … 90000)");
            }
            if (groups.putIfAbsent(code, new Group(code, row[1])) != null) {
                throw new IllegalArgumentException(source + ": grupo '" + code + "' repetido");
            }
        }
        if (groups.isEmpty()) {
            throw new IllegalArgumentException(source + ": el clasificador no tiene grupos");
        }
        return new ObjectOfExpenditureClassifier(Map.copyOf(groups));
    }

    /** Five digits; whether its group exists is {@link #isKnown}. */
    public static boolean isWellFormedCode(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    /** The group code of a well-formed object code: its first digit followed by four zeros. */
    public static String groupCodeOf(String objectCode) {
        if (!isWellFormedCode(objectCode)) {
            throw new IllegalArgumentException("object-of-expenditure code '" + objectCode + "' is not five digits");
        }
        return objectCode.charAt(0) + "0000";
    }

    /** The group a code belongs to, if the code is well formed and its group is in the classifier. */
    public Optional<Group> groupOf(String objectCode) {
        return isWellFormedCode(objectCode) ? Optional.ofNullable(groups.get(groupCodeOf(objectCode))) : Optional.empty();
    }

    public boolean isKnown(String objectCode) {
        return groupOf(objectCode).isPresent();
    }

    public Collection<Group> groups() {
        return groups.values().stream().sorted(java.util.Comparator.comparing(Group::code)).toList();
    }
}

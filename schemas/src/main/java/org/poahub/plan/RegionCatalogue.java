package org.poahub.plan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The regions (<i>regionales</i>) that report on the plan, loaded from a data file. The default resource
 * {@value #DEFAULT_RESOURCE} lists the nine departmental regional offices by ISO 3166-2:BO code (columns
 * {@code codigo;nombre}); the operator can supply an edited file with {@link #load(Path)}.
 */
public final class RegionCatalogue {

    public static final String DEFAULT_RESOURCE = "/org/poahub/plan/regiones.csv";

    /** Region codes are also used in Kafka topic names ({@code poa.<region>.<kind>}), so keep them simple. */
    private static final Pattern CODE = Pattern.compile("[A-Z]{2}-[A-Z0-9]{1,3}");

    /** One region. */
    public record Region(String code, String name) {
    }

    private final Map<String, Region> regions;

    private RegionCatalogue(Map<String, Region> regions) {
        this.regions = regions;
    }

    public static RegionCatalogue loadDefault() {
        InputStream in = RegionCatalogue.class.getResourceAsStream(DEFAULT_RESOURCE);
        if (in == null) {
            throw new IllegalStateException("resource " + DEFAULT_RESOURCE + " is missing");
        }
        return load(in, DEFAULT_RESOURCE);
    }

    public static RegionCatalogue load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public static RegionCatalogue load(InputStream in, String source) {
        Map<String, Region> regions = new LinkedHashMap<>();
        for (String[] row : CatalogueFile.read(in, source, 2)) {
            if (!CODE.matcher(row[0]).matches()) {
                throw new IllegalArgumentException(source + ": '" + row[0] + "' no es un código de región (p. ej. BO-L)");
            }
            if (regions.putIfAbsent(row[0], new Region(row[0], row[1])) != null) {
                throw new IllegalArgumentException(source + ": región '" + row[0] + "' repetida");
            }
        }
        if (regions.isEmpty()) {
            throw new IllegalArgumentException(source + ": el catálogo no tiene regiones");
        }
        return new RegionCatalogue(regions);
    }

    /** Regions in file order. */
    public List<Region> regions() {
        return new ArrayList<>(regions.values());
    }

    public Optional<Region> region(String code) {
        return Optional.ofNullable(regions.get(code));
    }

    public boolean isKnown(String code) {
        return regions.containsKey(code);
    }
}

package org.poahub.hub.finance.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.poahub.hub.consolidation.SenavexPlan;
import org.poahub.hub.finance.mapping.BudgetMapping.AdministrativeUnit;
import org.poahub.hub.finance.mapping.BudgetMapping.FundingSource;
import org.poahub.hub.finance.mapping.BudgetMapping.ProgramCategory;
import org.poahub.plan.RegionCatalogue;
import org.poahub.tables.TableError;
import org.poahub.tables.TableOptions;
import org.poahub.tables.TableReader;

/** The mapping file against the shipped SENAVEX 2020 plan: the shipped illustrative mapping, and every refusal. */
class BudgetMappingParserTest {

    static final String SHIPPED = "/finance/mapeo-senavex-2020-ilustrativo.csv";
    private static final String HEADER = "Gestión;2020\nCódigo de entidad;41\n\n"
            + "Tipo;Código;Programa;Proyecto;Actividad;Fuente;Organismo;DA;UE\n";

    private final BudgetMappingParser parser = new BudgetMappingParser(RegionCatalogue.loadDefault());

    @Test
    void theShippedIllustrativeMappingMapsEveryOperationBothColumnsAndEveryRegionAndSaysItIsIllustrative()
            throws IOException {
        BudgetMapping mapping = parse("mapeo.csv", shipped());

        assertThat(mapping.fiscalYear()).isEqualTo(2020);
        assertThat(mapping.operations()).hasSize(46)
                .containsEntry("04.01.02", new ProgramCategory("12", "0000", "001"))
                .containsEntry("11.05.07", new ProgramCategory("11", "0000", "005"));
        assertThat(mapping.funding()).containsEntry("Columna 1", new FundingSource("20", "230"))
                .containsEntry("Columna 2", new FundingSource("41", "111"));
        assertThat(mapping.regions()).hasSize(9).containsEntry("BO-C", new AdministrativeUnit("2", "2"));
        assertThat(mapping.regionOf("2", "2")).contains("BO-C");
        assertThat(mapping.notes().get(0)).startsWith("ILUSTRATIVO: este mapeo NO proviene del seed");
    }

    @Test
    void aPartialMappingIsAccepted() {
        BudgetMapping mapping = parse("m.csv", HEADER + "OPERACION;11.04.02;11;0000;004;;;;\n");

        assertThat(mapping.operations()).containsOnlyKeys("11.04.02");
        assertThat(mapping.funding()).isEmpty();
        assertThat(mapping.regions()).isEmpty();
    }

    @Test
    void headersWithoutAccentsOrCaseAreTheSameColumns() {
        BudgetMapping mapping = parse("m.csv", "GESTION;2020\ncodigo de entidad;41\n"
                + "tipo;codigo;programa;proyecto;actividad;fuente;organismo;da;ue\nfuente;Columna 1;;;;41;111;;\n");

        assertThat(mapping.funding()).containsEntry("Columna 1", new FundingSource("41", "111"));
    }

    @Test
    void everyProblemOfTheFileIsReportedWithItsRowAndColumnInSpanish() {
        String file = HEADER
                + "OPERACION;04.01.99;12;0000;001;;;;\n"       // row 5: not in the plan
                + "OPERACION;04.01.02;12;000;1;;;;\n"          // row 6: proyecto and actividad widths
                + "OPERACION;04.01.02;12;0000;001;;;;\n"       // row 7: fine (row 6 was refused)
                + "OPERACION;04.01.02;12;0000;002;;;;\n"       // row 8: repeated
                + "FUENTE;Columna 3;;;;41;111;;\n"             // row 9: no such column
                + "FUENTE;Columna 1;;;;41;;;\n"                // row 10: organismo missing
                + "REGION;BO-X;;;;;;1;1\n"                     // row 11: unknown region
                + "REGION;BO-L;;;;;;2;1\n"                     // row 12: fine
                + "REGION;BO-C;;;;;;02;01\n"                   // row 13: DA/UE already BO-L's
                + "PARTIDA;04.01.02;;;;;;;\n";                 // row 14: unknown type
        BudgetMappingException e = catchThrowableOfType(BudgetMappingException.class, () -> parse("m.csv", file));

        assertThat(e.errors()).extracting(TableError::text).containsExactly(
                "Fila 5, columna 'Código': la operación '04.01.99' no existe en el plan 2020 vigente",
                "Fila 6, columna 'Proyecto': '000' debe tener exactamente 4 dígitos",
                "Fila 6, columna 'Actividad': '1' debe tener exactamente 3 dígitos",
                "Fila 8, columna 'Código': la operación '04.01.02' ya tiene una fila antes",
                "Fila 9, columna 'Código': la columna de financiamiento 'Columna 3' no existe en el plan 2020"
                        + " (columnas: Columna 1, Columna 2)",
                "Fila 10, columna 'Organismo': falta el valor",
                "Fila 11, columna 'Código': la región 'BO-X' no está en el catálogo de regiones",
                "Fila 13, columna 'DA': la DA 2 / UE 1 ya está asignada a la región 'BO-L'",
                "Fila 14, columna 'Tipo': el tipo de fila debe ser OPERACION, FUENTE o REGION");
    }

    @Test
    void aFileOfAnotherEntityOrWithoutTitlesIsRefused() {
        BudgetMappingException other = catchThrowableOfType(BudgetMappingException.class,
                () -> parse("m.csv", "Gestión;2020\nCódigo de entidad;99\nTipo;Código;Programa\n"));
        assertThat(other.errors()).extracting(TableError::text).containsExactly(
                "Fila 2: el código de entidad '99' no es el del plan 2020 ('41')",
                "Fila 3: faltan las columnas Proyecto, Actividad, Fuente, Organismo, DA, UE");

        BudgetMappingException noYear = catchThrowableOfType(BudgetMappingException.class,
                () -> parser.fiscalYear(TableReader.read("m.csv", "Tipo;Código\n".getBytes(StandardCharsets.UTF_8),
                        TableOptions.defaults())));
        assertThat(noYear.errors()).extracting(TableError::text).containsExactly("Archivo: falta la fila 'Gestión'"
                + " (año, p. ej. Gestión;2020) antes de la fila de títulos");
    }

    private BudgetMapping parse(String name, String content) {
        return parser.parse(TableReader.read(name, content.getBytes(StandardCharsets.UTF_8), TableOptions.defaults()),
                SenavexPlan.PLAN);
    }

    static String shipped() throws IOException {
        try (InputStream in = BudgetMappingParserTest.class.getResourceAsStream(SHIPPED)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

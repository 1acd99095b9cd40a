package org.poahub.hub.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.poahub.plan.Plan;

/** One bad file per validation rule; each message is Spanish and names the row and the column. */
class PlanFileValidationTest {

    static final String VALID = """
            Gestión;2020
            Código de entidad;41
            Sigla;PRUEBA
            Tipo;Código;Nombre;Peso;Resultado esperado;Indicador;Meta;Tipo de meta;Medio de verificación;Inicio;Fin;Unidad responsable;Partida;Región;% meta;% presupuesto;Columna 1;Columna 2
            ACCION;04.01;ACCIÓN UNO;60
            ACCION;04.02;ACCIÓN DOS;40
            OPERACION;04.01.01;OPERACIÓN UNO;;RESULTADO;PORCENTAJE DE AVANCE;;NINGUNA;INFORMES;02/01/2020;31/03/2020;SENAVEX
            PARTIDA;04.01.01;;;;;;;;;;;20000;;;;1000.00;0.00
            OPERACION;04.02.01;OPERACIÓN DOS;;RESULTADO;4 NRO. DE INFORMES;4;CANTIDAD;INFORMES;01/02/2020;30/11/2020;SENAVEX
            REGION;04.02.01;;;;;;;;;;;;BO-L;50;50
            """;

    static Plan parse(String csv) {
        return ShippedPlans.parser().parse(CsvPlanReader.read(csv.getBytes(StandardCharsets.UTF_8)));
    }

    static List<String> errors(String csv) {
        PlanImportException e = catchThrowableOfType(PlanImportException.class, () -> parse(csv));
        assertThat(e).as("the file must be rejected").isNotNull();
        return e.errors().stream().map(ImportError::text).toList();
    }

    @Test
    void theBaseFileIsValid() {
        assertThatCode(() -> parse(VALID)).doesNotThrowAnyException();
        Plan plan = parse(VALID);
        assertThat(plan.operation("04.02.01").orElseThrow().regionalShares()).hasSize(1);
        assertThat(plan.operationsCarriedBy("BO-S")).extracting(o -> o.code().value()).containsExactly("04.01.01");
    }

    @Test
    void malformedCode() {
        assertThat(errors(VALID.replace("OPERACION;04.01.01;", "OPERACION;04.1.01;")))
                .contains("Fila 7, columna 'Código': el código '04.1.01' no tiene el formato NN.NN.NN");
        assertThat(errors(VALID.replace("ACCION;04.02;", "ACCION;4.02;")))
                .contains("Fila 6, columna 'Código': el código de acción '4.02' no tiene el formato NN.NN");
    }

    @Test
    void duplicateCode() {
        assertThat(errors(VALID.replace("OPERACION;04.02.01;OPERACIÓN DOS", "OPERACION;04.01.01;OPERACIÓN DOS")))
                .contains("Fila 9, columna 'Código': el código de operación '04.01.01' está repetido (ya en la fila 7)");
    }

    @Test
    void operationWithoutItsAction() {
        assertThat(errors(VALID.replace("OPERACION;04.02.01;", "OPERACION;04.03.01;")
                .replace("REGION;04.02.01;", "REGION;04.03.01;")))
                .contains("Fila 9, columna 'Código': la operación '04.03.01' no tiene su acción '04.03' "
                        + "(falta una fila ACCION con ese código)");
    }

    @Test
    void titlesWithoutOperations() {
        String titlesOnly = VALID.substring(0, VALID.indexOf("ACCION;04.01;"));
        assertThat(errors(titlesOnly)).containsExactly("Fila 4: el archivo no tiene ninguna operación: después de la "
                + "fila de títulos debe haber al menos una fila ACCION y una fila OPERACION");
    }

    @Test
    void weightsNotSummingTo100() {
        assertThat(errors(VALID.replace("ACCIÓN DOS;40", "ACCIÓN DOS;30")))
                .containsExactly("Fila 6, columna 'Peso': los pesos de las acciones del objetivo '04' suman 90; deben sumar 100");
    }

    @Test
    void dateOutsideTheFiscalYear() {
        assertThat(errors(VALID.replace("30/11/2020", "15/01/2021")))
                .containsExactly("Fila 9, columna 'Fin': la fecha 15/01/2021 está fuera de la gestión 2020");
    }

    @Test
    void startAfterEnd() {
        assertThat(errors(VALID.replace("02/01/2020;31/03/2020", "02/05/2020;31/03/2020")))
                .containsExactly("Fila 7, columna 'Inicio': la fecha de inicio 02/05/2020 es posterior a la fecha de fin 31/03/2020");
    }

    @Test
    void invalidDate() {
        assertThat(errors(VALID.replace("31/03/2020", "31/02/2020")))
                .containsExactly("Fila 7, columna 'Fin': la fecha '31/02/2020' no es válida (use AAAA-MM-DD, "
                        + "DD/MM/AAAA o DD/MM/AA)");
    }

    @Test
    void negativeAmount() {
        assertThat(errors(VALID.replace("1000.00;0.00", "-1000.00;0.00")))
                .containsExactly("Fila 8, columna 'Columna 1': el importe '-1000.00' es negativo");
    }

    @Test
    void unknownObjectOfExpenditureGroup() {
        assertThat(errors(VALID.replace(";20000;", ";05000;")))
                .containsExactly("Fila 8, columna 'Partida': la partida '05000' pertenece al grupo 00000, "
                        + "que no existe en el Clasificador por Objeto del Gasto");
    }

    @Test
    void unknownRegion() {
        assertThat(errors(VALID.replace(";BO-L;", ";BO-X;")))
                .containsExactly("Fila 10, columna 'Región': la región 'BO-X' no existe en el catálogo de regiones");
    }

    @Test
    void everyErrorIsListedNotJustTheFirst() {
        String bad = VALID.replace("ACCIÓN DOS;40", "ACCIÓN DOS;30")
                .replace("OPERACION;04.01.01;", "OPERACION;04.1.01;")
                .replace("1000.00;0.00", "-5;0.00")
                .replace(";BO-L;", ";BO-X;");
        assertThat(errors(bad)).hasSize(5).containsExactly(
                "Fila 6, columna 'Peso': los pesos de las acciones del objetivo '04' suman 90; deben sumar 100",
                "Fila 7, columna 'Código': el código '04.1.01' no tiene el formato NN.NN.NN",
                "Fila 8, columna 'Código': la operación '04.01.01' no está declarada en una fila OPERACION anterior",
                "Fila 8, columna 'Columna 1': el importe '-5' es negativo",
                "Fila 10, columna 'Región': la región 'BO-X' no existe en el catálogo de regiones");
    }

    @Test
    void excelStyleInputIsAccepted() {
        String excel = "\uFEFF" + VALID.replace("1000.00;0.00", "1000,50;0").replace("02/01/2020", "02/01/20")
                .replace("\n", "\r\n");
        Plan plan = parse(excel);
        assertThat(plan.grandTotal()).hasToString("1000.50");
        assertThat(plan.operation("04.01.01").orElseThrow().start()).hasToString("2020-01-02");
    }

    @Test
    void ambiguousThousandSeparatorsAreRejectedNotGuessed() {
        assertThat(errors(VALID.replace("1000.00;0.00", "1.000;0.00"))).containsExactly(
                "Fila 8, columna 'Columna 1': '1.000' es ambiguo: puede ser 1000 (punto como separador de miles) o 1.0 "
                        + "(punto decimal); declare el formato de números (es-BO: 1.234,56; en-US: 1,234.56) o escriba "
                        + "el número sin separador de miles");
        assertThat(errors(VALID.replace("1000.00;0.00", "1000.125;0.00"))).containsExactly(
                "Fila 8, columna 'Columna 1': el importe '1000.125' tiene más de dos decimales");
    }

    @Test
    void unambiguousThousandSeparatorsAndADeclaredFormatAreRead() {
        assertThat(parse(VALID.replace("1000.00;0.00", "\"1,000.00\";1.000,50")).grandTotal()).hasToString("2000.50");
        String declared = VALID.replace("Sigla;PRUEBA", "Sigla;PRUEBA\nFormato de números;es-BO")
                .replace("1000.00;0.00", "1.000;0");
        assertThat(parse(declared).grandTotal()).hasToString("1000.00");
        assertThat(errors(VALID.replace("Sigla;PRUEBA", "Sigla;PRUEBA\nFormato de números;boliviano"))).containsExactly(
                "Fila 4, columna 'Formato de números': formato de números 'boliviano' desconocido (use es-BO para "
                        + "1.234,56 o en-US para 1,234.56)");
    }

    @Test
    void titlesAndRowTypesMatchWithoutAccentsOrCase() {
        String plain = VALID.replace("Gestión;", "GESTION;").replace(";Código;", ";codigo;")
                .replace(";Medio de verificación;", ";MEDIO DE VERIFICACION;").replace("ACCION;", "Acción;");
        assertThat(parse(plain).grandTotal()).hasToString("1000.00");
    }

    @Test
    void missingHeaderColumnsAreNamed() {
        assertThat(errors(VALID.replace(";Medio de verificación;", ";Medio;")))
                .contains("Fila 4, columna 'Medio de verificación': falta esta columna en la fila de títulos");
    }

    @Test
    void windows1252IsReadAsExcelWroteIt() {
        byte[] ansi = VALID.getBytes(java.nio.charset.Charset.forName("windows-1252"));
        Plan plan = ShippedPlans.parser().parse(CsvPlanReader.read(ansi));
        assertThat(plan.operation("04.01.01").orElseThrow().name()).isEqualTo("OPERACIÓN UNO");
    }
}

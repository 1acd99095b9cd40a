package org.poahub.hub.finance.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.poahub.hub.HubHttp;
import org.poahub.hub.RealServers;
import org.poahub.hub.finance.StaffActions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Loading the budget mapping over HTTP into the real PostgreSQL: versions, refusals, roles, audit. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(StaffActions.class)
class BudgetMappingApiIT {

    static final String PASSWORD = UUID.randomUUID().toString();
    static final String PLANIFICADOR = "planificadora:" + PASSWORD;
    static final String CONSULTA = "consulta:" + PASSWORD;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        RealServers.register(registry);
        registry.add("poa.plan.seed-on-empty", () -> "true");
        registry.add("poa.security.users[1].name", () -> "planificadora");
        registry.add("poa.security.users[1].password", () -> "{noop}" + PASSWORD);
        registry.add("poa.security.users[1].roles[0]", () -> "PLANIFICADOR");
        registry.add("poa.security.users[2].name", () -> "consulta");
        registry.add("poa.security.users[2].password", () -> "{noop}" + PASSWORD);
        registry.add("poa.security.users[2].roles[0]", () -> "CONSULTA");
    }

    @LocalServerPort
    int port;

    @Autowired
    StaffActions audit;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void theShippedMappingIsStoredOnceAsVersionOneReadBackAndAudited() throws Exception {
        byte[] shipped = BudgetMappingParserTest.shipped().getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> first = upload(shipped, "mapeo.csv", PLANIFICADOR);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        JsonNode created = json.readTree(first.body());
        assertThat(created.path("version").path("version").asInt()).isEqualTo(1);
        assertThat(created.path("operations").asInt()).isEqualTo(46);
        assertThat(audit.of("FINANCE_MAPPING_LOADED")).singleElement()
                .satisfies(a -> assertThat(a.actor()).isEqualTo("planificadora"))
                .satisfies(a -> assertThat(a.after()).containsEntry("version", 1));

        HttpResponse<String> again = upload(shipped, "otra-vez.csv", PLANIFICADOR);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json.readTree(again.body()).path("created").asBoolean()).isFalse();
        assertThat(audit.of("FINANCE_MAPPING_LOADED")).hasSize(1);

        JsonNode current = json.readTree(HubHttp.get(port, "/api/finance/mapping/2020", CONSULTA).body());
        assertThat(current.path("operations").path("11.04.02").path("actividad").asString()).isEqualTo("004");
        assertThat(current.path("regions").path("BO-S").path("da").asString()).isEqualTo("3");
        assertThat(json.readTree(HubHttp.get(port, "/api/finance/mapping/2020/versions", CONSULTA).body()))
                .hasSize(1);
    }

    @Test
    void aBadFileIsRefusedWithEveryErrorAsProblemDetailAndNothingIsStored() throws Exception {
        String bad = "Gestión;2020\nCódigo de entidad;41\n"
                + "Tipo;Código;Programa;Proyecto;Actividad;Fuente;Organismo;DA;UE\n"
                + "OPERACION;04.01.99;12;0000;001;;;;\nFUENTE;Columna 1;;;;4;111;;\n";
        int before = versions();

        HttpResponse<String> response = upload(bad.getBytes(StandardCharsets.UTF_8), "malo.csv", PLANIFICADOR);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("detail").asString())
                .isEqualTo("El archivo de mapeo tiene 2 error(es); no se guardó nada.");
        assertThat(problem.path("errors").get(0).path("text").asString())
                .isEqualTo("Fila 4, columna 'Código': la operación '04.01.99' no existe en el plan 2020 vigente");
        assertThat(problem.path("errors").get(1).path("text").asString())
                .isEqualTo("Fila 5, columna 'Fuente': '4' debe tener exactamente 2 dígitos");
        assertThat(versions()).isEqualTo(before);
    }

    @Test
    void aReaderCannotLoadAMapping() throws Exception {
        int before = versions();

        HttpResponse<String> response = upload(BudgetMappingParserTest.shipped().replace("04.01.02;12", "04.01.02;13")
                .getBytes(StandardCharsets.UTF_8), "m.csv", CONSULTA);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(versions()).isEqualTo(before);
    }

    private int versions() throws Exception {
        return json.readTree(HubHttp.get(port, "/api/finance/mapping/2020/versions", CONSULTA).body()).size();
    }

    private HttpResponse<String> upload(byte[] file, String name, String credentials) {
        String boundary = "poa" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HubHttp.send(HubHttp.request(port, "/api/finance/mapping", credentials)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

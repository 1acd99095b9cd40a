package org.poahub.hub.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.poahub.contract.ExpenditureReport;
import org.poahub.contract.OutcomeStatus;
import org.poahub.contract.ProgressReport;
import org.poahub.contract.ReportOutcome;
import org.poahub.contract.Topics;
import org.poahub.hub.HubHttp;
import org.poahub.hub.RealServers;
import org.poahub.hub.audit.StaffAction;
import org.poahub.hub.reports.ReviewTrail;
import org.poahub.registry.AvroWireDeserializer;
import org.poahub.registry.AvroWireSerializer;
import org.poahub.registry.RegistryClientConfig;
import org.poahub.registry.RestSchemaRegistryClient;
import org.poahub.registry.SchemaRegistryClient;
import org.poahub.registry.SerdeConfig;
import org.poahub.rules.RuleCodes;
import org.poahub.testkit.KraftBroker;
import org.poahub.testkit.TestKafka;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The approval of each period (docs/review.md) on a whole hub: real PostgreSQL with the seeded SENAVEX 2020 plan, and
 * reports sent over a real broker (this test's own, so no other test's reports reach its periods) through the
 * hub's ingest route. Each test works on periods of its own. Staff act over HTTP with the users configured below;
 * the refusals are proven on the service itself, since the URL rules for {@code /api/review/**} live elsewhere.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@DirtiesContext
class PeriodReviewIT {

    private static final KraftBroker BROKER = RealServers.startOwnBroker("review");

    private static final int PORT = RealServers.freePort();
    private static final String WRITER = "agent-writer";
    private static final String WRITER_PASSWORD = UUID.randomUUID().toString();
    private static final String PASSWORD = UUID.randomUUID().toString();
    private static final String ANALYST = "ana:" + PASSWORD;
    private static final String OTHER_ANALYST = "bruno:" + PASSWORD;
    private static final String LA_PAZ = "lucia:" + PASSWORD;
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        RealServers.registerWithIngest(registry, PORT, RealServers.freshGroup(), WRITER, WRITER_PASSWORD);
        RealServers.ownBroker(registry, BROKER::bootstrapServers);
        user(registry, 2, "ana", "ANALISTA", null);
        user(registry, 3, "bruno", "ANALISTA", null);
        user(registry, 4, "lucia", "REGIONAL", "BO-L");
    }

    private static void user(DynamicPropertyRegistry registry, int i, String name, String role, String region) {
        registry.add("poa.security.users[" + i + "].name", () -> name);
        registry.add("poa.security.users[" + i + "].password", () -> "{noop}" + PASSWORD);
        registry.add("poa.security.users[" + i + "].roles[0]", () -> role);
        if (region != null) {
            registry.add("poa.security.users[" + i + "].region", () -> region);
        }
    }

    /** What the feature publishes: national approvals after the commit, staff actions inside the transaction. */
    static final class Events {
        final List<NationalPeriodApproved> national = new CopyOnWriteArrayList<>();
        final List<StaffAction> actions = new CopyOnWriteArrayList<>();

        @TransactionalEventListener
        void nationalApproved(NationalPeriodApproved event) {
            national.add(event);
        }

        @EventListener
        void staffAction(StaffAction action) {
            actions.add(action);
        }

        List<StaffAction> on(String target) {
            return actions.stream().filter(a -> a.target().equals(target)).toList();
        }
    }

    @TestConfiguration
    static class EventConfiguration {
        @Bean
        Events events() {
            return new Events();
        }
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    PeriodReviewService review;

    @Autowired
    Events events;

    @Autowired
    ReviewTrail trail;

    private static KafkaProducer<String, byte[]> producer;
    private static AvroWireSerializer<SpecificRecord> serializer;
    private static AvroWireDeserializer<ReportOutcome> outcomes;

    @BeforeAll
    static void clients() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BROKER.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void closeProducer() {
        producer.close();
    }

    @Test
    void theRegionPresentsTheAnalystObservesThenApprovesAndLateDataAsksForReapprovalWithANewSnapshot()
            throws Exception {
        ProgressReport march = progress("agent-lp", 1, "1", LocalDate.of(2020, 3, 31), null);
        assertThat(sendAndAwaitOutcome(march).getStatus()).isEqualTo(OutcomeStatus.ACCEPTED);
        ExpenditureReport spend = expenditure("BO-L", "agent-lp", 2, "120000.00", LocalDate.of(2020, 3, 15), null);
        assertThat(sendAndAwaitOutcome(spend).getStatus()).isEqualTo(OutcomeStatus.ACCEPTED);

        JsonNode open = json(get("/api/review/2020/2020-03/BO-L", LA_PAZ), 200);
        assertThat(open.get("state").asString()).isEqualTo("ABIERTO");
        assertThat(open.get("withOperations").asBoolean()).isTrue();
        assertThat(open.at("/completeness/sequenceGaps")).isEmpty();
        assertThat(open.at("/completeness/rejections")).isEmpty();
        assertThat(open.at("/figures/asApproved").isNull()).isTrue();

        JsonNode presented = json(post("/api/review/2020/2020-03/BO-L/present", LA_PAZ, "{\"version\":0}"), 200);
        assertThat(presented.get("state").asString()).isEqualTo("PRESENTADO");
        assertThat(presented.get("version").asInt()).isEqualTo(1);

        HttpResponse<String> noComment = post("/api/review/2020/2020-03/BO-L/observe", ANALYST, "{\"comment\":\" \"}");
        assertThat(noComment.statusCode()).isEqualTo(400);
        assertThat(noComment.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(noComment.body()).get("detail").asString())
                .isEqualTo("La observación necesita un comentario que diga qué debe corregir la regional.");

        JsonNode observed = json(post("/api/review/2020/2020-03/BO-L/observe", ANALYST,
                "{\"version\":1,\"comment\":\"Falta el gasto de la partida 26990.\"}"), 200);
        assertThat(observed.get("state").asString()).isEqualTo("OBSERVADO");
        assertThat(post("/api/review/2020/2020-03/BO-L/approve", ANALYST, "{}").statusCode())
                .as("an observed period is with the region").isEqualTo(409);
        json(post("/api/review/2020/2020-03/BO-L/present", LA_PAZ, "{\"version\":2}"), 200);

        JsonNode approved = json(post("/api/review/2020/2020-03/BO-L/approve", ANALYST, "{\"version\":3}"), 200);
        assertThat(approved.get("state").asString()).isEqualTo("APROBADO");
        long firstSnapshot = approved.get("snapshotId").asLong();

        JsonNode frozen = json(get("/api/review/2020/2020-03/BO-L", ANALYST), 200);
        assertThat(frozen.at("/figures/asApproved/asOf").asString()).isEqualTo("2020-03-31");
        assertThat(frozen.at("/figures/asApproved/spent").decimalValue()).isEqualByComparingTo("120000.00");
        assertThat(operation(frozen.at("/figures/asApproved"), "11.04.02").get("cumulativeValue").decimalValue())
                .isEqualByComparingTo("1");
        assertThat(frozen.at("/figures/difference/spent").decimalValue()).isEqualByComparingTo("0");
        assertThat(frozen.at("/figures/difference/operations")).isEmpty();

        // late data: a correction and a new expense filed in March, after the approval
        ProgressReport correction = progress("agent-lp", 3, "2", LocalDate.of(2020, 3, 31), march.getMessageId());
        ExpenditureReport lateSpend = expenditure("BO-L", "agent-lp", 4, "5000.00", LocalDate.of(2020, 3, 20), null);
        ExpenditureReport cochabamba = expenditure("BO-C", "agent-cb", 1, "700.00", LocalDate.of(2020, 3, 20), null);
        ReportOutcome correctionOutcome = sendAndAwaitOutcome(correction);
        ReportOutcome lateOutcome = sendAndAwaitOutcome(lateSpend);
        assertThat(lateOutcome.getStatus()).isEqualTo(OutcomeStatus.ACCEPTED_WITH_WARNINGS);
        assertThat(lateOutcome.getFindings()).singleElement().satisfies(f -> {
            assertThat(f.getCode()).isEqualTo(RuleCodes.PERIOD_ALREADY_APPROVED);
            assertThat(f.getMessage()).isEqualTo("El período 2020-03 de la regional BO-L ya estaba aprobado: el "
                    + "informe se acepta y el período queda pendiente de reaprobación (PENDIENTE_REAPROBACION).");
        });
        assertThat(correctionOutcome.getFindings()).extracting(f -> f.getCode())
                .containsExactly(RuleCodes.PERIOD_ALREADY_APPROVED);
        assertThat(sendAndAwaitOutcome(cochabamba).getStatus()).as("another region's March is not approved")
                .isEqualTo(OutcomeStatus.ACCEPTED);

        JsonNode pending = json(get("/api/review/2020/2020-03/BO-L", LA_PAZ), 200);
        assertThat(pending.get("state").asString()).isEqualTo("PENDIENTE_REAPROBACION");
        assertThat(pending.get("lateReports")).extracting(r -> r.get("messageId").asString())
                .containsExactlyInAnyOrder(correction.getMessageId().toString(), lateSpend.getMessageId().toString());
        assertThat(pending.get("lateReports")).allSatisfy(r ->
                assertThat(r.get("afterSnapshot").asLong()).isEqualTo(firstSnapshot));
        assertThat(pending.at("/figures/asApproved/spent").decimalValue()).isEqualByComparingTo("120000.00");
        assertThat(pending.at("/figures/current/spent").decimalValue()).isEqualByComparingTo("125000.00");
        assertThat(pending.at("/figures/difference/spent").decimalValue()).isEqualByComparingTo("5000.00");
        JsonNode changed = pending.at("/figures/difference/operations/0");
        assertThat(changed.get("code").asString()).isEqualTo("11.04.02");
        assertThat(changed.get("cumulativeValueBefore").decimalValue()).isEqualByComparingTo("1");
        assertThat(changed.get("cumulativeValueNow").decimalValue()).isEqualByComparingTo("2");
        assertThat(pending.get("transitions")).extracting(t -> t.get("toState").asString() + "/"
                + t.get("actor").asString()).containsExactly("PRESENTADO/lucia", "OBSERVADO/ana", "PRESENTADO/lucia",
                "APROBADO/ana", "PENDIENTE_REAPROBACION/system");

        JsonNode reapproved = json(post("/api/review/2020/2020-03/BO-L/approve", OTHER_ANALYST, "{}"), 200);
        assertThat(reapproved.get("state").asString()).isEqualTo("APROBADO");
        assertThat(reapproved.get("snapshotId").asLong()).isGreaterThan(firstSnapshot);
        JsonNode again = json(get("/api/review/2020/2020-03/BO-L", ANALYST), 200);
        assertThat(again.get("snapshots")).extracting(s -> s.get("approvedBy").asString())
                .containsExactly("ana", "bruno");
        assertThat(again.at("/figures/asApproved/spent").decimalValue()).isEqualByComparingTo("125000.00");
        assertThat(again.at("/figures/difference/operations")).isEmpty();
        assertThat(again.get("lateReports")).as("none since the new approval").isEmpty();
        assertThat(jdbc.sql("select count(*) from review_late_report").query(Long.class).single())
                .as("the history keeps both").isEqualTo(2L);

        assertThat(events.on("BO-L/2020-03")).extracting(StaffAction::action).containsExactly("PERIOD_PRESENTED",
                "PERIOD_OBSERVED", "PERIOD_PRESENTED", "PERIOD_APPROVED", "PERIOD_REOPENED_BY_LATE_DATA",
                "PERIOD_APPROVED");
        StaffAction observation = events.on("BO-L/2020-03").get(1);
        assertThat(trail.observations(2020, 1)).as("the quarterly report's justification").singleElement()
                .isEqualTo(new ReviewTrail.Observation("BO-L", null, LocalDate.of(2020, 3, 31), "ana",
                        "Falta el gasto de la partida 26990."));
        ReviewTrail.Signatures firstQuarter = trail.signatures(2020, 1);
        assertThat(firstQuarter.prepared().name()).isEqualTo("lucia");
        assertThat(firstQuarter.reviewed().name()).isEqualTo("bruno");
        assertThat(firstQuarter.approved()).as("the other regions' months are not approved")
                .isEqualTo(ReviewTrail.Signature.NONE);
        assertThat(observation.actor()).isEqualTo("ana");
        assertThat(observation.before()).containsEntry("state", "PRESENTADO");
        assertThat(observation.after()).containsEntry("state", "OBSERVADO")
                .containsEntry("comment", "Falta el gasto de la partida 26990.");
    }

    @Test
    void theServiceRefusesTheWrongRoleAndTheWrongRegionWhateverTheUrlRules() throws Exception {
        Authentication laPaz = regional("lucia", "BO-L");
        Authentication cochabamba = regional("carla", "BO-C");
        Authentication analyst = staff("ana", "ANALISTA");

        assertThatThrownBy(() -> review.present(analyst, 2020, "2020-04", "BO-L", null, null))
                .isInstanceOf(ReviewException.class).hasMessage("Solo el personal de la regional BO-L puede presentar "
                        + "sus períodos.");
        assertThatThrownBy(() -> review.present(cochabamba, 2020, "2020-04", "BO-L", null, null))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("BO-L");
        assertThatThrownBy(() -> review.detail(cochabamba, 2020, "2020-04", "BO-L"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> review.grid(staff("agente-lp", "AGENTE"), 2020))
                .isInstanceOf(ReviewException.class).hasMessage("Su cuenta no puede consultar la revisión de períodos.");

        review.present(laPaz, 2020, "2020-04", "BO-L", null, null);
        for (Authentication notAnAnalyst : List.of(laPaz, staff("pedro", "PLANIFICADOR"), staff("admin", "ADMIN"),
                staff("carlos", "CONSULTA"))) {
            assertThatThrownBy(() -> review.approve(notAnAnalyst, 2020, "2020-04", "BO-L", null, null))
                    .isInstanceOf(ReviewException.class).hasMessage("Solo un analista puede aprobar un período.");
            assertThatThrownBy(() -> review.observe(notAnAnalyst, 2020, "2020-04", "BO-L", null, "no"))
                    .isInstanceOf(ReviewException.class).hasMessage("Solo un analista puede observar un período.");
        }
        assertThat(review.detail(analyst, 2020, "2020-04", "BO-L").state()).isEqualTo(PeriodState.PRESENTADO);
        assertThat(review.grid(laPaz, 2020).periods()).allSatisfy(p ->
                assertThat(p.regions()).extracting(ReviewViews.Cell::regionCode).containsExactly("BO-L"));
        assertThat(review.grid(analyst, 2020).periods().get(0).regions()).hasSize(9);

        // refused over HTTP too (by the URL rules or, without them, by the service)
        assertThat(post("/api/review/2020/2020-04/BO-L/present", ANALYST, "{}").statusCode()).isEqualTo(403);
        assertThat(post("/api/review/2020/2020-04/BO-L/approve", LA_PAZ, "{}").statusCode()).isEqualTo(403);
        HttpResponse<String> badPeriod = get("/api/review/2020/2020-13/BO-L", ANALYST);
        assertThat(badPeriod.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badPeriod.body()).get("detail").asString())
                .isEqualTo("El período '2020-13' no es válido para la gestión 2020 (se espera, por ejemplo, 2020-03).");
        assertThat(get("/api/review/2020/2020-04/BO-X", ANALYST).statusCode()).isEqualTo(404);
    }

    @Test
    void twoAnalystsActingOnTheSameVersionAtOnceExactlyOneWinsTheOtherGetsA409() throws Exception {
        review.present(regional("carla", "BO-C"), 2020, "2020-05", "BO-C", null, null);
        long id = jdbc.sql("select id from review_period where period = '2020-05' and region_code = 'BO-C'")
                .query(Long.class).single();
        List<HttpResponse<String>> responses;
        // Hold the period row so both requests have read version 1 and wait on their conditional update together.
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            lock.createStatement().execute("select id from review_period where id = " + id + " for update");
            CompletableFuture<HttpResponse<String>> approve = CompletableFuture.supplyAsync(() ->
                    post("/api/review/2020/2020-05/BO-C/approve", ANALYST, "{\"version\":1}"));
            CompletableFuture<HttpResponse<String>> observe = CompletableFuture.supplyAsync(() ->
                    post("/api/review/2020/2020-05/BO-C/observe", OTHER_ANALYST,
                            "{\"version\":1,\"comment\":\"Revisar las metas de mayo.\"}"));
            await().atMost(WAIT).until(() -> jdbc.sql("""
                    select count(*) from pg_stat_activity
                    where wait_event_type = 'Lock' and query like 'update review_period%'""")
                    .query(Long.class).single() == 2);
            lock.commit();
            responses = List.of(approve.get(), observe.get());
        }

        assertThat(responses).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(200, 409);
        HttpResponse<String> lost = responses.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
        PeriodState winner = PeriodState.valueOf(JSON.readTree(responses.stream().filter(r -> r.statusCode() == 200)
                .findFirst().orElseThrow().body()).get("state").asString());
        assertThat(JSON.readTree(lost.body()).get("detail").asString()).isEqualTo("Otro usuario cambió el período "
                + "BO-C 2020-05 al mismo tiempo (ahora está " + winner + "); su acción no se aplicó. Vuelva a cargarlo.");
        assertThat(JSON.readTree(lost.body()).get("title").asString()).isEqualTo("Conflicto de estado");
        assertThat(jdbc.sql("select state || '/' || version from review_period where id = ?").param(id)
                .query(String.class).single()).isEqualTo(winner + "/2");
        assertThat(jdbc.sql("select count(*) from review_transition where period_id = ?").param(id)
                .query(Long.class).single()).as("presented + one decision").isEqualTo(2L);
        assertThat(jdbc.sql("select count(*) from review_snapshot where period_id = ?").param(id)
                .query(Long.class).single()).isEqualTo(winner == PeriodState.APROBADO ? 1L : 0L);
    }

    @Test
    void theNationalApprovalIsPublishedOnceAfterTheLastRegionWithOperationsIsApproved() {
        Authentication analyst = staff("ana", "ANALISTA");
        List<String> regions = review.grid(analyst, 2020).periods().stream()
                .filter(p -> p.period().equals("2020-10")).findFirst().orElseThrow().regions().stream()
                .filter(ReviewViews.Cell::withOperations).map(ReviewViews.Cell::regionCode).toList();
        assertThat(regions).as("SENAVEX 2020 has no regional breakdown: every region carries every operation")
                .hasSize(9);
        List<String> order = new ArrayList<>(regions);
        String last = order.remove(order.size() - 1);
        for (String region : regions) {
            review.present(regional("staff-" + region, region), 2020, "2020-10", region, null, null);
        }
        for (String region : order) {
            assertThat(review.approve(analyst, 2020, "2020-10", region, null, null).nationalApproved()).isFalse();
        }
        assertThat(events.national).noneMatch(e -> e.period().equals("2020-10"));

        assertThat(review.approve(analyst, 2020, "2020-10", last, null, null).nationalApproved()).isTrue();

        assertThat(events.national.stream().filter(e -> e.period().equals("2020-10")).toList()).singleElement()
                .satisfies(e -> {
                    assertThat(e.fiscalYear()).isEqualTo(2020);
                    assertThat(e.from()).isEqualTo(LocalDate.of(2020, 10, 1));
                    assertThat(e.to()).isEqualTo(LocalDate.of(2020, 10, 31));
                    assertThat(e.approvedBy()).isEqualTo("ana");
                });
        assertThat(review.grid(analyst, 2020).periods().stream().filter(p -> p.period().equals("2020-10"))
                .findFirst().orElseThrow().nationalState()).isEqualTo("APROBADO");
        assertThatThrownBy(() -> review.approve(analyst, 2020, "2020-10", last, null, null))
                .isInstanceOf(ReviewException.class).hasMessageContaining("está APROBADO");
        assertThat(events.national.stream().filter(e -> e.period().equals("2020-10"))).hasSize(1);
        assertThat(trail.signatures(2020, 4).approved()).as("November and December are not approved yet")
                .isEqualTo(ReviewTrail.Signature.NONE);

        Authentication otherAnalyst = staff("bruno", "ANALISTA");
        for (String month : List.of("2020-11", "2020-12")) {
            for (String region : regions) {
                review.present(regional("staff-" + region, region), 2020, month, region, null, null);
                review.approve(otherAnalyst, 2020, month, region, null, null);
            }
        }
        ReviewTrail.Signatures fourthQuarter = trail.signatures(2020, 4);
        assertThat(fourthQuarter.prepared().name()).isEqualTo("staff-" + regions.get(regions.size() - 1));
        assertThat(fourthQuarter.reviewed().name()).isEqualTo("bruno");
        assertThat(fourthQuarter.approved().name()).as("who completed December's national approval")
                .isEqualTo("bruno");
        assertThat(fourthQuarter.approved().date()).isNotNull();
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static Authentication regional(String name, String region) {
        return UsernamePasswordAuthenticationToken.authenticated(name, null, List.of(
                new SimpleGrantedAuthority("ROLE_REGIONAL"), new SimpleGrantedAuthority("REGION_" + region)));
    }

    private static Authentication staff(String name, String role) {
        return UsernamePasswordAuthenticationToken.authenticated(name, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + role)));
    }

    private static JsonNode operation(JsonNode figures, String code) {
        for (JsonNode op : figures.get("operations")) {
            if (op.get("code").asString().equals(code)) {
                return op;
            }
        }
        throw new AssertionError("no operation " + code + " in " + figures);
    }

    private static JsonNode json(HttpResponse<String> response, int status) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> get(String path, String credentials) {
        return HubHttp.get(PORT, path, credentials);
    }

    private static HttpResponse<String> post(String path, String credentials, String body) {
        return HubHttp.send(HubHttp.request(PORT, path, credentials).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private ReportOutcome sendAndAwaitOutcome(SpecificRecord report) {
        String region = report instanceof ProgressReport p ? p.getRegionCode()
                : ((ExpenditureReport) report).getRegionCode();
        UUID id = send(report);
        byte[] key = id.toString().getBytes(StandardCharsets.UTF_8);
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).until(() ->
                TestKafka.readAll(BROKER.bootstrapServers(), Topics.outcomes(region)).stream()
                        .filter(r -> Arrays.equals(r.key(), key))
                        .map(r -> outcomes.deserialize(r.topic(), r.value())).toList(), l -> !l.isEmpty()).get(0);
    }

    private static synchronized UUID send(SpecificRecord report) {
        if (serializer == null) {
            SchemaRegistryClient registry = new RestSchemaRegistryClient(
                    RegistryClientConfig.of("http://localhost:" + PORT, WRITER + ":" + WRITER_PASSWORD));
            serializer = new AvroWireSerializer<>(registry, Map.of(SerdeConfig.AUTO_REGISTER_SCHEMAS, "true"), false);
            outcomes = new AvroWireDeserializer<>(registry, Map.of(), false);
        }
        String topic = report instanceof ProgressReport p ? Topics.progress(p.getRegionCode())
                : Topics.expenditure(((ExpenditureReport) report).getRegionCode());
        try {
            producer.send(new ProducerRecord<>(topic, topic, serializer.serialize(topic, report))).get();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot send to " + topic, e);
        }
        return report instanceof ProgressReport p ? p.getMessageId() : ((ExpenditureReport) report).getMessageId();
    }

    private static ProgressReport progress(String agent, long sequence, String value, LocalDate end, UUID corrects) {
        return ProgressReport.newBuilder()
                .setMessageId(UUID.randomUUID()).setAgentId(agent).setRegionCode("BO-L").setSequence(sequence)
                .setFiscalYear(2020).setOperationCode("11.04.02")
                .setPeriodStart(end.withDayOfMonth(1)).setPeriodEnd(end)
                .setReportedAt(Instant.now()).setAchievedValue(new BigDecimal(value))
                .setPercentComplete(null).setReporter("Responsable").setCorrectsMessageId(corrects)
                .setClientVersion(null)
                .build();
    }

    private static ExpenditureReport expenditure(String region, String agent, long sequence, String amount,
                                                 LocalDate spentOn, UUID reverses) {
        return ExpenditureReport.newBuilder()
                .setMessageId(UUID.randomUUID()).setAgentId(agent).setRegionCode(region).setSequence(sequence)
                .setFiscalYear(2020).setOperationCode("11.04.02").setObjectCode("25220")
                .setFundingSource("Columna 1").setAmount(new BigDecimal(amount)).setSpentOn(spentOn)
                .setDocumentNumber("C-" + sequence).setReportedAt(Instant.now()).setReversesMessageId(reverses)
                .setClientVersion(null)
                .build();
    }
}

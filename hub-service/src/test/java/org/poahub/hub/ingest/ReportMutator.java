package org.poahub.hub.ingest;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.poahub.contract.ExpenditureReport;
import org.poahub.contract.ProgressReport;

/**
 * A deterministic stream of regional reports, each a valid SENAVEX 2020 report with zero to three mutations of the
 * kinds an agent bug, a hand-edited outbox or a foreign client could produce: values out of range or past the
 * contract's precision, unknown or malformed codes, another region's code, dates outside the fiscal year, odd
 * sequences, huge texts, links to unknown or earlier reports, and byte-level damage (flipped bytes, truncation,
 * trailing garbage, a bad magic byte, an unknown schema id) or an exact redelivery of an earlier payload.
 */
final class ReportMutator {

    static final List<String> REGIONS = List.of("BO-L", "BO-C", "BO-S", "BO-O", "BO-P", "BO-H", "BO-T", "BO-B",
            "BO-N");
    private static final List<String> OPERATIONS = List.of("11.04.02", "11.05.02", "11.01.14", "04.01.02");
    private static final List<String> OBJECT_CODES = List.of("25220", "26990", "43110", "31110", "11700", "22110");

    /** One record to send: the topic it goes to and its bytes; {@code sent} is the record when it encoded. */
    record Mutated(String topic, String key, byte[] payload, SpecificRecord sent, String mutations) {
    }

    /** Encodes a record for a topic with the test's registry client (Confluent wire). */
    interface Encoder {
        byte[] encode(String topic, SpecificRecord record);
    }

    private final Random random;
    private final Encoder encoder;
    private final List<UUID> earlierIds;
    private final List<Mutated> earlier = new ArrayList<>();
    private long sequence;

    ReportMutator(long seed, Encoder encoder, List<UUID> earlierIds) {
        this.random = new Random(seed);
        this.encoder = encoder;
        this.earlierIds = List.copyOf(earlierIds);
    }

    /** A valid report of the plan, progress or expenditure, for a random region and operation. */
    SpecificRecord valid() {
        String region = pick(REGIONS);
        String agent = "agent-" + region.toLowerCase() + "-fz";
        String operation = pick(OPERATIONS);
        sequence++;
        if (random.nextInt(10) < 4) {
            int month = 1 + random.nextInt(12);
            LocalDate start = LocalDate.of(2020, month, 1);
            return IngestTestClient.progress(region, agent, sequence, "0.0000")
                    .setOperationCode(operation).setPeriodStart(start)
                    .setPeriodEnd(start.withDayOfMonth(start.lengthOfMonth()))
                    .setAchievedValue(new BigDecimal(random.nextInt(1_000_000)).movePointLeft(4)).build();
        }
        return IngestTestClient.expenditure(region, agent, sequence, pick(OBJECT_CODES), "1.00")
                .setOperationCode(operation)
                .setAmount(new BigDecimal(1 + random.nextInt(5_000_000)).movePointLeft(2))
                .setSpentOn(LocalDate.of(2020, 1, 1).plusDays(random.nextInt(366))).build();
    }

    /** The next record of the stream. */
    Mutated next() {
        SpecificRecord report = valid();
        // an agent sends on its own region's topic, keyed as agents key, whatever the mutated fields say
        String topic = IngestTestClient.topicOf(report);
        String key = key(report);
        StringBuilder applied = new StringBuilder();
        int count = random.nextInt(10) < 2 ? 0 : 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            report = mutateField(report, applied);
        }
        byte[] payload;
        try {
            payload = encoder.encode(topic, report);
        } catch (RuntimeException refusedByTheSerializer) {
            // The agent's own serializer refuses it (e.g. too many digits): damage a valid payload instead.
            applied.append("unencodable→bytes ");
            report = valid();
            topic = IngestTestClient.topicOf(report);
            key = key(report);
            payload = encoder.encode(topic, report);
        }
        Mutated result;
        int roll = random.nextInt(100);
        if (roll < 3 && !earlier.isEmpty()) {
            Mutated again = earlier.get(random.nextInt(earlier.size()));
            result = new Mutated(again.topic(), again.key(), again.payload(), again.sent(), "redelivery");
        } else if (roll < 15) {
            result = new Mutated(topic, key, damage(payload, applied), null, applied.toString());
        } else {
            result = new Mutated(topic, key, payload, report, applied.toString());
        }
        earlier.add(result);
        return result;
    }

    private SpecificRecord mutateField(SpecificRecord report, StringBuilder applied) {
        if (report instanceof ProgressReport p) {
            ProgressReport.Builder b = ProgressReport.newBuilder(p);
            switch (random.nextInt(9)) {
                case 0 -> b.setAchievedValue(pickDecimal("-5.0000", "0.0000", "99999999999999.9999", "0.0001"));
                case 1 -> b.setPercentComplete(pickDecimal("100.00", "150.00", "-1.00", "0.00"));
                case 2 -> b.setPeriodStart(LocalDate.of(2021, 2, 1)).setPeriodEnd(LocalDate.of(2019, 12, 31));
                case 3 -> b.setCorrectsMessageId(random.nextBoolean() ? UUID.randomUUID() : pickEarlierId());
                case 4 -> b.setNarrative("ñ«»€".repeat(2_500));
                default -> commonField(b::setOperationCode, b::setRegionCode, b::setFiscalYear, b::setSequence,
                        b::setAgentId, b::setReportedAt);
            }
            applied.append("progress-field ");
            return b.build();
        }
        ExpenditureReport.Builder b = ExpenditureReport.newBuilder((ExpenditureReport) report);
        switch (random.nextInt(10)) {
            case 0 -> b.setAmount(pickDecimal("0.00", "-1.00", "9999999999999.99", "0.01", "-9999999999999.99"));
            case 1 -> b.setObjectCode(pick(List.of("00000", "abc", "99999", "2522", "")));
            case 2 -> b.setFundingSource(pick(List.of("", "Columna 9", "41-111")));
            case 3 -> b.setSpentOn(pick(List.of(LocalDate.of(2021, 4, 10), LocalDate.of(1900, 1, 1),
                    LocalDate.of(2020, 2, 29))));
            case 4 -> b.setDocumentNumber("C-31 Nº " + "0".repeat(random.nextInt(1_000)) + "12");
            case 5 -> b.setReversesMessageId(random.nextBoolean() ? UUID.randomUUID() : pickEarlierId());
            default -> commonField(b::setOperationCode, b::setRegionCode, b::setFiscalYear, b::setSequence,
                    b::setAgentId, b::setReportedAt);
        }
        applied.append("expenditure-field ");
        return b.build();
    }

    private void commonField(Function<String, ?> operation, Function<String, ?> region, Function<Integer, ?> year,
                             Function<Long, ?> seq, Function<String, ?> agent, Function<Instant, ?> reportedAt) {
        switch (random.nextInt(6)) {
            case 0 -> operation.apply(pick(List.of("99.99.99", "", "11.04", "11.04.02.01", "ñ", "11.04.2")));
            case 1 -> region.apply(pick(List.of(pick(REGIONS), "", "XX", "bo-l")));
            case 2 -> year.apply(pick(List.of(2019, 2021, 0, -1)));
            case 3 -> seq.apply(pick(List.of(0L, -1L, Long.MAX_VALUE, 1L)));
            case 4 -> agent.apply(pick(List.of("", "a".repeat(300), "agente-ñandú-«1»")));
            default -> reportedAt.apply(pick(List.of(Instant.EPOCH, Instant.parse("2999-01-01T00:00:00Z"))));
        }
    }

    private byte[] damage(byte[] payload, StringBuilder applied) {
        byte[] bytes = payload.clone();
        switch (random.nextInt(5)) {
            case 0 -> {
                for (int i = 0; i < 1 + random.nextInt(5); i++) {
                    int at = 5 + random.nextInt(bytes.length - 5);
                    bytes[at] = (byte) (bytes[at] ^ (1 << random.nextInt(8)));
                }
                applied.append("flipped-bytes");
            }
            case 1 -> {
                bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length));
                applied.append("truncated");
            }
            case 2 -> {
                bytes = Arrays.copyOf(bytes, bytes.length + 1 + random.nextInt(20));
                applied.append("trailing-garbage");
            }
            case 3 -> {
                bytes[0] = 1;
                applied.append("bad-magic");
            }
            default -> {
                ByteBuffer.wrap(bytes, 1, 4).putInt(9_999);
                applied.append("unknown-schema-id");
            }
        }
        return bytes;
    }

    private UUID pickEarlierId() {
        return earlierIds.isEmpty() ? UUID.randomUUID() : pick(earlierIds);
    }

    private BigDecimal pickDecimal(String... values) {
        return new BigDecimal(values[random.nextInt(values.length)]);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    static String key(SpecificRecord report) {
        return report instanceof ProgressReport p ? p.getRegionCode() + "/" + p.getOperationCode()
                : ((ExpenditureReport) report).getRegionCode() + "/" + ((ExpenditureReport) report).getOperationCode();
    }
}

package org.poahub.routes.ingest;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.poahub.contract.ExpenditureReport;
import org.poahub.contract.ProgressReport;
import org.poahub.contract.Topics;
import org.poahub.registry.SerdeException;

/**
 * Decodes the raw bytes of a regional record with the project's Confluent-wire deserializer. A payload that cannot
 * be decoded becomes a {@link Rejection} with the reason; a registry that cannot be reached is a
 * {@link TransientIngestException}, never a rejection.
 */
public class ReportDecoder {

    /** Either a report or the reason it is not one. */
    public record Decoded(DecodedReport report, Rejection rejection) {
    }

    private final Deserializer<SpecificRecord> deserializer;
    private final Clock clock;

    public ReportDecoder(Deserializer<SpecificRecord> deserializer, Clock clock) {
        this.deserializer = deserializer;
        this.clock = clock;
    }

    public Decoded decode(IncomingRecord record) {
        Optional<Topics.RegionalTopic> topic = Topics.parse(record.topic());
        String topicRegion = topic.map(Topics.RegionalTopic::regionCode).orElse(null);
        Integer schemaId = schemaId(record.value());
        SpecificRecord value;
        try {
            value = deserializer.deserialize(record.topic(), record.value());
        } catch (SerdeException e) {
            if (e.isTransient()) {
                throw new TransientIngestException("Schema registry unavailable while decoding "
                        + record.coordinates(), e);
            }
            return rejected(record, topicRegion, schemaId, IngestRejectionCodes.UNDECODABLE, null,
                    "El contenido del mensaje no se puede leer como un informe.", e.toString());
        } catch (RuntimeException e) {
            return rejected(record, topicRegion, schemaId, IngestRejectionCodes.UNDECODABLE, null,
                    "El contenido del mensaje no se puede leer como un informe.", e.toString());
        }
        if (value == null) {
            return rejected(record, topicRegion, schemaId, IngestRejectionCodes.UNDECODABLE, null,
                    "El mensaje llegó vacío.", null);
        }
        Topics.Kind expected = topic.map(Topics.RegionalTopic::kind).orElse(null);
        boolean fits = (value instanceof ProgressReport && expected == Topics.Kind.PROGRESS)
                || (value instanceof ExpenditureReport && expected == Topics.Kind.EXPENDITURE);
        if (!fits) {
            return rejected(record, topicRegion, schemaId, IngestRejectionCodes.WRONG_TOPIC, null,
                    "El informe llegó por un canal que no es el de su tipo (avance o gasto).",
                    "record " + value.getSchema().getFullName() + " on topic " + record.topic());
        }
        return new Decoded(new DecodedReport(value, record, topicRegion, schemaId), null);
    }

    private Decoded rejected(IncomingRecord record, String region, Integer schemaId, String code, String field,
                             String message, String detail) {
        return new Decoded(null, new Rejection(record, null, region, schemaId, code, field, message,
                ReportIngestRoute.ROUTE_ID, clock.instant(), detail));
    }

    /** The schema id of the Confluent wire header (magic byte 0, then a big-endian int), if the header is there. */
    static Integer schemaId(byte[] payload) {
        if (payload == null || payload.length < 5 || payload[0] != 0) {
            return null;
        }
        return ByteBuffer.wrap(payload, 1, 4).getInt();
    }
}

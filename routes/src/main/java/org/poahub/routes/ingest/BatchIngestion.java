package org.poahub.routes.ingest;

import java.util.List;

/** The ingest step of the route: a batch of records in, what to publish after the commit out. */
@FunctionalInterface
public interface BatchIngestion {

    IngestBatchResult ingest(List<IncomingRecord> records);
}

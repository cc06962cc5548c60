package dev.dlt.operator.results;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dlt.operator.plan.RegionPlan;
import dev.dlt.operator.plan.RunPlan;
import dev.dlt.operator.store.ObjectStore;
import dev.dlt.results.aggregate.WorkerResult;
import dev.dlt.results.histogram.LatencyHistograms;
import dev.dlt.results.layout.LeaderReport;
import dev.dlt.results.layout.ResultKeys;
import dev.dlt.results.layout.WorkerReport;
import dev.dlt.results.taurus.FinalStatus;
import dev.dlt.results.taurus.TaurusFormatException;
import dev.dlt.results.taurus.TaurusXmlReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads every worker's files of a run from S3: report, Taurus XML and histograms, plus leader reports. */
public class ResultCollector {

    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final ObjectStore store;

    public ResultCollector(ObjectStore store) {
        this.store = store;
    }

    public Collected collect(RunPlan plan) {
        List<CollectedWorker> workers = new ArrayList<>();
        Map<String, LeaderReport> leaders = new LinkedHashMap<>();
        for (RegionPlan region : plan.regions()) {
            ResultKeys keys = plan.keys(region);
            for (String workerId : workerIds(region, keys)) {
                workers.add(collect(region.bucket(), keys, workerId));
            }
            leaderReport(region.bucket(), keys).ifPresent(report -> leaders.put(region.region(), report));
        }
        return new Collected(workers, leaders);
    }

    /**
     * The planned ids, or for regions whose workers name themselves, the ids of the reports in S3
     * padded with placeholders up to the planned count (a worker that never reported is missing).
     */
    private List<String> workerIds(RegionPlan region, ResultKeys keys) {
        if (!region.idsLearned()) {
            return region.workerIds();
        }
        String prefix = keys.resultsPrefix();
        List<String> ids = new ArrayList<>(store.list(region.bucket(), prefix).stream()
                .map(key -> key.substring(prefix.length()))
                .filter(name -> name.endsWith(ResultKeys.REPORT) && !name.endsWith(ResultKeys.HISTOGRAMS) && !name.contains("/"))
                .map(name -> name.substring(0, name.length() - ResultKeys.REPORT.length()))
                .filter(id -> !ResultKeys.LEADER.equals(id))
                .sorted().toList());
        for (int missing = 1; ids.size() < region.workerIds().size(); missing++) {
            ids.add("unreported-" + missing);
        }
        return ids;
    }

    public Optional<LeaderReport> leaderReport(String bucket, ResultKeys keys) {
        return store.get(bucket, keys.leaderReport()).flatMap(bytes -> {
            try {
                return Optional.of(JSON.readValue(bytes, LeaderReport.class));
            } catch (IOException e) {
                return Optional.empty();
            }
        });
    }

    private CollectedWorker collect(String bucket, ResultKeys keys, String workerId) {
        Optional<byte[]> reportBytes = store.get(bucket, keys.workerFile(workerId, ResultKeys.REPORT));
        if (reportBytes.isEmpty()) {
            return new CollectedWorker(keys.region(), workerId, null, null, "no report in S3");
        }
        WorkerReport report;
        try {
            report = JSON.readValue(reportBytes.get(), WorkerReport.class);
        } catch (IOException e) {
            return new CollectedWorker(keys.region(), workerId, null, null, "unreadable report: " + e.getMessage());
        }
        if (!report.generatedLoad()) {
            return new CollectedWorker(keys.region(), workerId, report, null, report.outcome() + ": " + report.message());
        }
        Optional<byte[]> xml = store.get(bucket, keys.workerFile(workerId, ResultKeys.XML));
        if (xml.isEmpty()) {
            return new CollectedWorker(keys.region(), workerId, report, null, "no Taurus results XML in S3");
        }
        try {
            FinalStatus status = TaurusXmlReader.read(xml.get());
            LatencyHistograms histograms = null;
            Optional<byte[]> hdr = store.get(bucket, keys.workerFile(workerId, ResultKeys.HISTOGRAMS));
            if (hdr.isPresent()) {
                histograms = LatencyHistograms.fromJson(hdr.get());
            }
            return new CollectedWorker(keys.region(), workerId, report, new WorkerResult(workerId, keys.region(), status, histograms),
                    histograms == null ? "no histograms: percentiles approximated" : null);
        } catch (TaurusFormatException | IOException e) {
            return new CollectedWorker(keys.region(), workerId, report, null, "unreadable results: " + e.getMessage());
        }
    }
}

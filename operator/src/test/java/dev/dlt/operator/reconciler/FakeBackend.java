package dev.dlt.operator.reconciler;

import dev.dlt.backend.LaunchProgress;
import dev.dlt.backend.LaunchRequest;
import dev.dlt.backend.RunRef;
import dev.dlt.backend.WorkerBackend;
import dev.dlt.backend.WorkerInstance;
import dev.dlt.backend.WorkerRole;
import dev.dlt.backend.WorkerState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An in-memory worker backend whose workers' states the test sets. */
final class FakeBackend implements WorkerBackend {

    final Map<String, WorkerInstance> instances = new LinkedHashMap<>();
    final List<String> launches = new ArrayList<>();
    List<String> leaderAddresses;
    int stops;
    /** When set, every call fails as an unreachable API would. */
    volatile RuntimeException down;
    /** When set, stopping the workers fails as an unreachable API would (observing them still works). */
    volatile RuntimeException stopFails;
    /** When set, launches start only this many workers and report the reason. */
    volatile LaunchProgress partialLaunch;

    private void failIfDown() {
        if (down != null) {
            throw down;
        }
    }

    @Override
    public String service() {
        return "Kubernetes";
    }

    @Override
    public String type() {
        return "eks-fargate";
    }

    @Override
    public LaunchProgress launchWorkers(LaunchRequest request) {
        failIfDown();
        if (partialLaunch != null) {
            return partialLaunch;
        }
        for (String id : request.workerIds()) {
            launches.add(id);
            instances.putIfAbsent(id, new WorkerInstance(id, WorkerRole.WORKER, WorkerState.PENDING, null, null));
        }
        return LaunchProgress.complete(request.workerIds().size());
    }

    @Override
    public LaunchProgress launchLeader(LaunchRequest request, List<String> workerAddresses) {
        failIfDown();
        launches.add("leader");
        leaderAddresses = workerAddresses;
        instances.putIfAbsent("leader", new WorkerInstance("leader", WorkerRole.LEADER, WorkerState.PENDING, null, null));
        return LaunchProgress.complete(1);
    }

    @Override
    public List<WorkerInstance> observe(RunRef run, LaunchRequest request) {
        failIfDown();
        return List.copyOf(instances.values());
    }

    @Override
    public void stop(RunRef run, LaunchRequest request) {
        failIfDown();
        if (stopFails != null) {
            throw stopFails;
        }
        stops++;
        instances.clear();
    }

    void set(String id, WorkerState state, String message) {
        WorkerInstance old = instances.get(id);
        String address = state == WorkerState.READY ? "10.0.0." + (instances.size() + 1) + ":50000" : old.address();
        instances.put(id, new WorkerInstance(id, old.role(), state, address, message));
    }

    void setAllWorkers(WorkerState state) {
        instances.keySet().stream().filter(id -> !id.equals("leader")).toList().forEach(id -> set(id, state, null));
    }
}

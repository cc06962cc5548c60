package dev.dlt.ecs;

import dev.dlt.backend.LaunchProgress;
import dev.dlt.backend.TestRegionSettings;
import dev.dlt.backend.WorkerRole;
import dev.dlt.ecs.client.EcsApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskOverride;

/**
 * One launch call for one role of a run: count the tasks that exist, and unless the run backs off,
 * start what is missing in one {@link TaskLauncher} pass; setbacks become progress with reasons, errors
 * calling again cannot fix stop the run's tasks in the region and throw {@link EcsLaunchException}.
 */
final class TaskLaunches {

    private static final System.Logger LOG = System.getLogger(TaskLaunches.class.getName());

    private final TaskLauncher launcher;
    private final LaunchPacing pacing;

    TaskLaunches(EcsBackendSettings settings) {
        this.launcher = new TaskLauncher(settings.maxRunTaskCalls());
        this.pacing = new LaunchPacing(settings);
    }

    /** @param overrides asked for only when RunTask will be called (the leader's publishes its address list first) */
    LaunchProgress ensure(EcsApi api, String regionName, TestRegionSettings region, TaskIdentity identity, WorkerRole role,
                          int desired, Supplier<TaskOverride> overrides) {
        String key = LaunchPacing.key(identity, role);
        Optional<LaunchProgress> paused = pacing.paused(key, desired);
        if (paused.isPresent()) {
            return paused.get();
        }
        List<Task> tasks;
        try {
            tasks = new RunTasks(api, region.cluster(), identity.startedBy()).all();
        } catch (SdkException e) {
            if (!EcsErrors.retryable(e)) {
                throw new EcsLaunchException(regionName, "cannot list the tasks of TestRegion " + where(regionName, region) + ": "
                        + EcsErrors.describe(e), e);
            }
            return pacing.setback(key, new LaunchProgress(desired, pacing.lastLaunched(key),
                    List.of("ListTasks/DescribeTasks: " + EcsErrors.describe(e))), false);
        }
        int existing = (int) tasks.stream().filter(t -> TaskIdentity.role(t.tags()) == role).count();
        if (existing >= desired) {
            return pacing.progressed(key, new LaunchProgress(desired, existing, List.of()));
        }
        TaskOverride override = overrides.get();
        TaskLauncher.Pass pass = launcher.launch(api, region, identity, role, existing, desired - existing, override,
                pacing.generation(key));
        if (pass.rejection() != null) {
            throw rejected(api, regionName, region, role, desired, tasks, pass);
        }
        LaunchProgress progress = new LaunchProgress(desired, existing + pass.started().size(),
                pass.problem() == null ? List.of() : List.of(pass.problem()));
        LOG.log(System.Logger.Level.INFO, "{0} {1}: {2} of {3} {4} tasks exist ({5} started now){6}", regionName, identity.group(),
                progress.launched(), desired, role, pass.started().size(), pass.problem() == null ? "" : "; " + pass.problem());
        return pass.problem() == null ? pacing.progressed(key, progress) : pacing.setback(key, progress, pass.tokenConsumed());
    }

    void forget(TaskIdentity identity) {
        pacing.forget(identity);
    }

    /** The run cannot run in this region: stop what it has there (a later stop finds nothing left) and say why. */
    private static EcsLaunchException rejected(EcsApi api, String regionName, TestRegionSettings region, WorkerRole role, int desired,
                                               List<Task> tasks, TaskLauncher.Pass pass) {
        List<String> active = new ArrayList<>(pass.started());
        tasks.stream().filter(t -> "RUNNING".equals(t.desiredStatus())).map(Task::taskArn).forEach(active::add);
        List<String> failures = TaskStopper.stopAll(api, region.cluster(), active, "DLT launch failed");
        String what = role == WorkerRole.LEADER ? "the leader task" : desired + " worker tasks";
        String stopped = active.isEmpty() ? "nothing was running"
                : failures.isEmpty() ? "its " + active.size() + " running tasks there were stopped"
                : "stopping its " + active.size() + " tasks there failed for " + failures.size() + ": " + failures.getFirst();
        return new EcsLaunchException(regionName, "could not launch " + what + " in TestRegion " + where(regionName, region)
                + ": ECS rejected RunTask: " + EcsErrors.describe(pass.rejection()) + "; " + stopped, pass.rejection());
    }

    private static String where(String regionName, TestRegionSettings region) {
        return regionName + " (" + region.region() + ", cluster " + region.cluster() + ")";
    }
}

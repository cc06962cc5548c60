package dev.dlt.ecs;

import dev.dlt.ecs.client.EcsApi;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.ecs.model.DescribeTasksRequest;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.ListTasksRequest;
import software.amazon.awssdk.services.ecs.model.ListTasksResponse;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskField;

/**
 * The tasks of one run in one cluster, found by their {@code startedBy}: ListTasks (paged) and
 * DescribeTasks in chunks of at most 100, as ECS requires.
 */
final class RunTasks {

    static final int DESCRIBE_LIMIT = 100;
    private static final int PAGE_SIZE = 100;

    private final EcsApi api;
    private final String cluster;
    private final String startedBy;

    RunTasks(EcsApi api, String cluster, String startedBy) {
        this.api = api;
        this.cluster = cluster;
        this.startedBy = startedBy;
    }

    /** Every task of the run ECS still knows, running or stopped (ECS forgets stopped tasks after about an hour). */
    List<Task> all() {
        Set<String> arns = new LinkedHashSet<>(list(DesiredStatus.RUNNING));
        arns.addAll(list(DesiredStatus.STOPPED));
        return describe(List.copyOf(arns));
    }

    /** The ARNs of tasks not yet told to stop (provisioning, pending or running). */
    List<String> active() {
        return list(DesiredStatus.RUNNING);
    }

    List<String> list(DesiredStatus desiredStatus) {
        List<String> arns = new ArrayList<>();
        String next = null;
        do {
            ListTasksResponse page = api.listTasks(ListTasksRequest.builder().cluster(cluster).startedBy(startedBy)
                    .desiredStatus(desiredStatus).maxResults(PAGE_SIZE).nextToken(next).build());
            arns.addAll(page.taskArns());
            next = page.nextToken();
        } while (next != null && !next.isEmpty());
        return arns;
    }

    List<Task> describe(List<String> arns) {
        List<Task> tasks = new ArrayList<>(arns.size());
        for (int from = 0; from < arns.size(); from += DESCRIBE_LIMIT) {
            List<String> chunk = arns.subList(from, Math.min(arns.size(), from + DESCRIBE_LIMIT));
            tasks.addAll(api.describeTasks(DescribeTasksRequest.builder().cluster(cluster).tasks(chunk)
                    .include(TaskField.TAGS).build()).tasks());
        }
        return tasks;
    }
}

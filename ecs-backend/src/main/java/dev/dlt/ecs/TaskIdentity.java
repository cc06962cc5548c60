package dev.dlt.ecs;

import dev.dlt.backend.RunRef;
import dev.dlt.backend.WorkerRole;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.services.ecs.model.Tag;

/**
 * What marks the tasks of one run in one TestRegion, deterministically, so that a restarted operator
 * finds what it launched: {@code startedBy} (the only run-specific ListTasks filter, at most 36
 * characters, hence a hash), a readable {@code group}, and tags for people and cost reports.
 */
public record TaskIdentity(String startedBy, String group, String testId, String runId, String region) {

    public static final String TAG_TEST_ID = "dlt:test-id";
    public static final String TAG_RUN_ID = "dlt:run-id";
    public static final String TAG_REGION = "dlt:region";
    public static final String TAG_ROLE = "dlt:role";
    public static final String TAG_MANAGED_BY = "dlt:managed-by";
    static final int MAX_GROUP = 255;

    public static TaskIdentity of(RunRef run, String region) {
        String startedBy = "dlt-" + sha256Hex(run.testId() + "\n" + run.runId() + "\n" + region).substring(0, 32);
        String group = "dlt:" + safe(run.namespace()) + ":" + safe(run.testName()) + ":" + safe(run.runId());
        return new TaskIdentity(startedBy, group.length() > MAX_GROUP ? group.substring(0, MAX_GROUP) : group,
                run.testId(), run.runId(), region);
    }

    public List<Tag> tags(WorkerRole role) {
        return List.of(tag(TAG_TEST_ID, testId), tag(TAG_RUN_ID, runId), tag(TAG_REGION, region),
                tag(TAG_ROLE, role.name().toLowerCase(Locale.ROOT)), tag(TAG_MANAGED_BY, "dlt-operator"));
    }

    /** The role a task was launched in, from its {@value #TAG_ROLE} tag (DescribeTasks with TAGS). */
    public static WorkerRole role(List<Tag> tags) {
        return tags.stream().filter(t -> TAG_ROLE.equals(t.key())).findFirst()
                .map(t -> WorkerRole.valueOf(t.value().toUpperCase(Locale.ROOT))).orElse(WorkerRole.WORKER);
    }

    /**
     * The id of a task, the last segment of its ARN ({@code arn:aws:ecs:r:a:task/cluster/<id>}): a
     * worker's id, which its agent derives the same way from its task metadata.
     */
    public static String taskId(String taskArn) {
        return taskArn.substring(taskArn.lastIndexOf('/') + 1);
    }

    /**
     * A RunTask client token: the same logical request (same tasks before it, same count, same generation) gets
     * the same token, so ECS never runs it twice; a new generation after an answered short call asks anew.
     */
    String clientToken(WorkerRole role, int launchedBefore, int count, int generation) {
        return sha256Hex(startedBy + "|" + role + "|" + launchedBefore + "|" + count + "|" + generation).substring(0, 64);
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    private static String safe(String value) {
        return value.replaceAll("[^A-Za-z0-9_-]", "-");
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

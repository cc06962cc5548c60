package dev.dlt.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlt.backend.RunRef;
import org.junit.jupiter.api.Test;

class TaskIdentityTest {

    @Test
    void startedByIsDeterministicShortAndDistinctPerRunAndRegion() {
        RunRef run = new RunRef("a-very-long-namespace-name-for-teams", "a-load-test-with-a-long-name.v2", "uid", "20250101-120000-abcd");
        TaskIdentity identity = TaskIdentity.of(run, "eu-central");

        assertThat(identity.startedBy()).hasSize(36).matches("[a-z0-9-]+")
                .isEqualTo(TaskIdentity.of(run, "eu-central").startedBy())
                .isNotEqualTo(TaskIdentity.of(run, "us-west").startedBy())
                .isNotEqualTo(TaskIdentity.of(new RunRef(run.namespace(), run.testName(), "uid", "other-run"), "eu-central").startedBy());
        assertThat(identity.group()).isEqualTo("dlt:a-very-long-namespace-name-for-teams:a-load-test-with-a-long-name-v2:20250101-120000-abcd");
    }

    @Test
    void theTaskIdIsTheLastSegmentOfTheArn() {
        assertThat(TaskIdentity.taskId("arn:aws:ecs:us-west-2:123456789012:task/dlt/0f3a7c2e9b8d4e6fa1b2c3d4e5f60718"))
                .isEqualTo("0f3a7c2e9b8d4e6fa1b2c3d4e5f60718");
        assertThat(TaskIdentity.taskId("arn:aws:ecs:us-west-2:123456789012:task/1dc5c17a-422b-4dc4-b493-371970c6c4d6"))
                .isEqualTo("1dc5c17a-422b-4dc4-b493-371970c6c4d6");
    }
}

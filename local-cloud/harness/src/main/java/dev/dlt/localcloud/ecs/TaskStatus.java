package dev.dlt.localcloud.ecs;

import java.time.Instant;

/** A consistent snapshot of what ECS reports about a task's progress. */
record TaskStatus(String lastStatus, String desiredStatus, String healthStatus, Instant createdAt, Instant startedAt,
                  Instant stoppedAt, String stoppedReason, String stopCode, Integer exitCode) {
}

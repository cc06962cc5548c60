package dev.dlt.ecs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A clock that only moves when the launcher sleeps, and the sleeps it was asked for. */
final class FakeTime extends Clock implements Sleeper {

    final List<Duration> sleeps = new ArrayList<>();
    private Instant now = Instant.parse("2025-01-01T00:00:00Z");

    @Override
    public void sleep(Duration duration) {
        sleeps.add(duration);
        now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}

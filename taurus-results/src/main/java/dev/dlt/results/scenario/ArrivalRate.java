package dev.dlt.results.scenario;

import java.time.Duration;
import java.util.List;

/**
 * The open-model load of one worker: iterations start at {@code startRate} per second, then each
 * stage moves the rate linearly to its target over its duration (a zero duration is a step); at most
 * {@code maxConcurrency} iterations are in flight, an iteration due while that many are is dropped.
 */
public record ArrivalRate(double startRate, List<Stage> stages, int maxConcurrency) {

    /** One stage of the rate: from the previous level to {@code target} per second over {@code duration}. */
    public record Stage(Duration duration, double target) {
        public Stage {
            if (duration == null || duration.isNegative()) {
                throw new IllegalArgumentException("a stage's duration must not be negative");
            }
            if (!(target >= 0) || Double.isInfinite(target)) {
                throw new IllegalArgumentException("a stage's rate must be a finite number >= 0, was " + target);
            }
        }
    }

    public ArrivalRate {
        stages = stages == null ? List.of() : List.copyOf(stages);
        if (!(startRate >= 0) || Double.isInfinite(startRate)) {
            throw new IllegalArgumentException("the start rate must be a finite number >= 0, was " + startRate);
        }
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("an arrival rate needs at least one stage");
        }
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("maxConcurrency must be at least 1, was " + maxConcurrency);
        }
    }

    /** How long the stages last together. */
    public Duration duration() {
        return stages.stream().map(Stage::duration).reduce(Duration.ZERO, Duration::plus);
    }

    /** The same schedule with every rate multiplied by {@code factor} (a worker's share of the test's rate). */
    public ArrivalRate scaled(double factor) {
        return new ArrivalRate(startRate * factor, stages.stream().map(s -> new Stage(s.duration(), s.target() * factor)).toList(),
                maxConcurrency);
    }
}

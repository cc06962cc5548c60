package dev.dlt.operator.api;

/** What started a run: a new spec generation, the run-now annotation, the cron schedule, or spec.startAt. */
public enum RunTrigger {
    SpecChange, RunNow, Schedule, StartAt
}

package dev.dlt.operator.run;

/** The work of one phase: looks at the run, acts, and says what comes next. Never sleeps or waits. */
public interface PhaseStep {

    StepOutcome next(RunContext context);
}

package dev.dlt.operator.store;

/** Where finished runs are recorded: the latest result of each test and one item per run. */
public interface ResultHistory {

    void record(RunRecord run);
}

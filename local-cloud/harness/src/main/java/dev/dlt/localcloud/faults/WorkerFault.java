package dev.dlt.localcloud.faults;

/** What goes wrong with one worker of a run, injected through the local kubelet. */
public sealed interface WorkerFault {

    /** The worker takes the real start signal, then uploads {@code output} instead of real results. */
    record Hostile(HostileOutput output) implements WorkerFault {
    }

    /** The real agent, whose S3 path turns into a black hole once it is ready: it runs but never uploads. */
    record NeverUploads() implements WorkerFault {
    }
}

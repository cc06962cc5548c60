package dev.dlt.agent;

/** One run of the agent in either role; {@link #run()} returns the process exit code. */
public interface Agent {

    int run();

    /** Stops a running agent early (SIGTERM, pod deletion); what was recorded is still uploaded. */
    void stop();

    static Agent forConfig(AgentConfig config) {
        return config.leader() ? new LeaderAgent(config) : new WorkerAgent(config);
    }
}

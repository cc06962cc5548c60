package dev.dlt.agent;

import java.util.logging.Logger;

/** The container's entrypoint: runs the agent configured by the environment and exits with its code. */
public final class AgentMain {

    private static final Logger LOG = Logger.getLogger(AgentMain.class.getName());

    private AgentMain() {
    }

    public static void main(String[] args) {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT.%1$tLZ %4$s %3$s: %5$s%6$s%n");
        Agent agent;
        try {
            agent = Agent.forConfig(new AgentConfig(System.getenv()));
        } catch (IllegalArgumentException e) {
            LOG.severe("invalid configuration: " + e.getMessage());
            System.exit(2);
            return;
        }
        Thread main = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            agent.stop();
            try {
                main.join(30_000); // let the agent upload what it has before the JVM goes
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }));
        int code = agent.run();
        System.exit(code);
    }
}

package dev.dlt.agent;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The container's entrypoint: runs the agent configured by the environment and exits with its code as
 * soon as it is done. On SIGTERM it stops the agent, which still uploads what it recorded, and lets the
 * JVM go only once the agent has finished (or a bound passed).
 */
public final class AgentMain {

    private static final Logger LOG = Logger.getLogger(AgentMain.class.getName());
    /** Beyond the upload deadline, for stopping the engine (bzt may take 20 s) and the JVM. */
    private static final Duration STOP_MARGIN = Duration.ofSeconds(60);

    private AgentMain() {
    }

    public static void main(String[] args) {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT.%1$tLZ %4$s %3$s: %5$s%6$s%n");
        Agent agent;
        Duration stopBound;
        try {
            AgentConfig config = new AgentConfig(System.getenv());
            agent = Agent.forConfig(config);
            stopBound = config.uploadDeadline().plus(STOP_MARGIN);
        } catch (IllegalArgumentException e) {
            LOG.severe("invalid configuration: " + e.getMessage());
            System.exit(2);
            return;
        }
        CountDownLatch finished = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (finished.getCount() == 0) {
                return; // the agent is done and main is exiting: nothing to wait for
            }
            LOG.info("stop requested: stopping the agent, then uploading what it recorded");
            agent.stop();
            try {
                if (!finished.await(stopBound.toMillis(), TimeUnit.MILLISECONDS)) {
                    LOG.severe("the agent did not finish within " + stopBound + " of the stop request");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "agent-stop"));
        int code;
        try {
            code = agent.run();
        } finally {
            finished.countDown();
        }
        System.exit(code);
    }
}

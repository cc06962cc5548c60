package dev.dlt.agent.engine;

import dev.dlt.results.scenario.TaurusConfig;
import java.nio.file.Path;

/**
 * What an engine gets: the Taurus config the operator wrote, a way to fetch the files stored next
 * to it (a JMeter plan), and a private working directory.
 */
public record EngineInput(TaurusConfig config, byte[] configJson, ScenarioFiles files, Path workDir) {
}

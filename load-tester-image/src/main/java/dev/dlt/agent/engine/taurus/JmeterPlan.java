package dev.dlt.agent.engine.taurus;

import java.nio.file.Path;

/**
 * A JMeter plan ready to run: the checked {@code .jmx}, whose folder is where its relative data files
 * resolve, and the JMeter home that holds the plan's plugins (null: the worker's own JMeter home).
 */
record JmeterPlan(Path jmx, Path jmeterHome) {

    JmeterPlan(Path jmx) {
        this(jmx, null);
    }

    Path folder() {
        return jmx.getParent();
    }
}

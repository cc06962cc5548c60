package dev.dlt.agent.engine.taurus;

import java.nio.file.Path;

/** A JMeter plan ready to run: the checked {@code .jmx}, whose folder is where its relative data files resolve. */
record JmeterPlan(Path jmx) {

    Path folder() {
        return jmx.getParent();
    }
}

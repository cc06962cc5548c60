package dev.dlt.ecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TaskOverridesTest {

    @Test
    void countsTheOverridesJsonAsEcsDoes() throws Exception {
        Map<String, String> env = new TreeMap<>(Map.of("DLT_A", "plain", "DLT_B", "quote \" and \\ and\nnewline", "DLT_C", "ü€"));
        ObjectMapper mapper = new ObjectMapper();
        var container = mapper.createObjectNode().put("name", "agent");
        var environment = container.putArray("environment");
        env.forEach((name, value) -> environment.addObject().put("name", name).put("value", value));
        var root = mapper.createObjectNode();
        root.putArray("containerOverrides").add(container);
        String json = mapper.writeValueAsString(root);

        assertThat(TaskOverrides.jsonLength("agent", env)).isEqualTo(json.length());
    }

    @Test
    void acceptsUpTo8192AndRefusesMore() {
        int fixed = TaskOverrides.jsonLength("agent", Map.of("V", ""));
        assertThat(TaskOverrides.forContainer("r", "agent", Map.of("V", "x".repeat(8192 - fixed))).containerOverrides()).hasSize(1);

        assertThatThrownBy(() -> TaskOverrides.forContainer("r", "agent", Map.of("V", "x".repeat(8193 - fixed))))
                .isInstanceOf(EcsLaunchException.class).hasMessageContaining("8193 characters");
    }
}

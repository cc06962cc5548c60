package dev.dlt.ecs.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlt.ecs.FakeEcsApi;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EcsClientsTest {

    @Test
    void createsOneApiPerRegionAndReusesIt() {
        List<String> created = new ArrayList<>();
        try (EcsClients clients = new EcsClients(region -> {
            created.add(region);
            return new FakeEcsApi();
        })) {
            EcsApi west = clients.forRegion("us-west-2");

            assertThat(clients.forRegion("us-west-2")).isSameAs(west);
            assertThat(clients.forRegion("eu-central-1")).isNotSameAs(west);
            assertThat(created).containsExactly("us-west-2", "eu-central-1");
        }
    }
}

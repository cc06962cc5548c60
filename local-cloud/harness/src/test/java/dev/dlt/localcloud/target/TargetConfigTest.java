package dev.dlt.localcloud.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TargetConfigTest {

    @ParameterizedTest
    @CsvSource({"0.1, 200, 20", "0.29, 100, 29", "0.333333, 999999, 333332", "0.5, 7, 3", "0, 1000, 0", "1, 1000, 1000"})
    void theFirstRequestsHoldExactlyFloorOfCountTimesRateErrors(double rate, long count, long expectedErrors) {
        TargetConfig config = TargetConfig.DEFAULT.withErrorRate(rate);

        assertThat(LongStream.range(0, count).filter(config::isError).count()).isEqualTo(expectedErrors);
    }

    @Test
    void errorsAreSpreadEvenlyRatherThanBunched() {
        TargetConfig config = TargetConfig.DEFAULT.withErrorRate(0.25);

        assertThat(LongStream.range(0, 12).filter(config::isError).boxed().toList()).containsExactly(3L, 7L, 11L);
    }

    @Test
    void latencyFollowsTheCumulativeWeightsInOrder() {
        TargetConfig config = TargetConfig.DEFAULT.withLatencyMix(List.of(
                new TargetConfig.Latency(1, Duration.ZERO),
                new TargetConfig.Latency(3, Duration.ofMillis(20)),
                new TargetConfig.Latency(1, Duration.ofSeconds(1))));

        assertThat(LongStream.range(0, 10).mapToObj(config::latencyOf).map(Duration::toMillis).toList())
                .containsExactly(0L, 20L, 20L, 20L, 1000L, 0L, 20L, 20L, 20L, 1000L);
    }

    @Test
    void withersChangeOneSettingAndKeepTheOthers() {
        TargetConfig config = TargetConfig.DEFAULT.withBodySize(512).withErrorRate(0.2).withLatency(Duration.ofMillis(5));

        assertThat(config.bodySize()).isEqualTo(512);
        assertThat(config.errorRate()).isEqualTo(0.2);
        assertThat(config.latencyMix()).containsExactly(new TargetConfig.Latency(1, Duration.ofMillis(5)));
    }

    @Test
    void rejectsSettingsThatCannotBeHonoured() {
        assertThatThrownBy(() -> TargetConfig.DEFAULT.withErrorRate(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TargetConfig.DEFAULT.withErrorRate(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TargetConfig.DEFAULT.withBodySize(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TargetConfig.DEFAULT.withLatencyMix(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TargetConfig.Latency(0, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TargetConfig.Latency(1, Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

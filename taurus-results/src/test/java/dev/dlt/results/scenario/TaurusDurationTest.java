package dev.dlt.results.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TaurusDurationTest {

    @Test
    void parsesTaurusTimes() {
        assertThat(TaurusDuration.parse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(TaurusDuration.parse("1m30s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(TaurusDuration.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(TaurusDuration.parse("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(TaurusDuration.parse("2")).isEqualTo(Duration.ofSeconds(2));
        assertThat(TaurusDuration.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(TaurusDuration.parse(" 1D2H ")).isEqualTo(Duration.ofHours(26));
    }

    @Test
    void refusesWhatIsNotADuration() {
        assertThatThrownBy(() -> TaurusDuration.parse("soon")).hasMessageContaining("'soon' is not a duration");
        assertThatThrownBy(() -> TaurusDuration.parse("5 minutes")).hasMessageContaining("not a duration");
        assertThatThrownBy(() -> TaurusDuration.parse("-5s")).hasMessageContaining("not a duration");
        assertThatThrownBy(() -> TaurusDuration.parse("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> TaurusDuration.parse("400d")).hasMessageContaining("year");
    }

    @Test
    void formatsWhatItParses() {
        assertThat(TaurusDuration.format(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(TaurusDuration.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(TaurusDuration.parse(TaurusDuration.format(Duration.ofMillis(1500)))).isEqualTo(Duration.ofMillis(1500));
    }
}

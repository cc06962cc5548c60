package dev.dlt.operator.reconciler;

import dev.dlt.operator.status.Conditions;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionsTest {

    private final Instant t1 = Instant.parse("2026-01-01T00:00:00Z");
    private final Instant t2 = Instant.parse("2026-01-01T00:05:00Z");

    @Test
    void keepsTheTransitionTimeWhileTheStatusStaysTheSame() {
        List<Condition> first = Conditions.set(null, Conditions.VALID, true, "SpecValid", "", 1, t1);
        List<Condition> again = Conditions.set(first, Conditions.VALID, true, "SpecValid", "still", 2, t2);

        assertThat(again).singleElement().satisfies(c -> {
            assertThat(c.getLastTransitionTime()).isEqualTo(t1.toString());
            assertThat(c.getMessage()).isEqualTo("still");
            assertThat(c.getObservedGeneration()).isEqualTo(2L);
        });
    }

    @Test
    void movesTheTransitionTimeWhenTheStatusFlips() {
        List<Condition> first = Conditions.set(null, Conditions.VALID, true, "SpecValid", "", 1, t1);
        List<Condition> flipped = Conditions.set(first, Conditions.VALID, false, "InvalidSpec", "spec.load: is missing", 2, t2);

        assertThat(flipped).singleElement().satisfies(c -> {
            assertThat(c.getStatus()).isEqualTo("False");
            assertThat(c.getReason()).isEqualTo("InvalidSpec");
            assertThat(c.getLastTransitionTime()).isEqualTo(t2.toString());
        });
    }

    @Test
    void keepsOtherConditionsAndRemovesOnRequest() {
        List<Condition> conditions = Conditions.set(null, Conditions.VALID, true, "SpecValid", "", 1, t1);
        conditions = Conditions.set(conditions, Conditions.STARTED, true, "AllWorkersStarted", "", 1, t1);

        assertThat(conditions).extracting(Condition::getType).containsExactly("Valid", "Started");
        assertThat(Conditions.remove(conditions, Conditions.STARTED)).extracting(Condition::getType).containsExactly("Valid");
    }
}

package dev.dlt.agent.engine.nativehttp;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExternalWakeupsTest {

    private static final long DRAIN_AFTER = 2_000_000;

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final ExternalWakeups wakeups = new ExternalWakeups(now::get, DRAIN_AFTER);

    @Test
    void usersYieldWhileNobodyWaitsForThePollerOrATimer() {
        now.addAndGet(10 * DRAIN_AFTER);
        assertTrue(wakeups.mayYield());
    }

    @Test
    void aWaitIsGivenTheDrainIntervalFromItsStartNotFromTheLastReturnBeforeIt() {
        wakeups.waiting();
        wakeups.returned();
        now.addAndGet(10 * DRAIN_AFTER); // a long quiet time with nobody waiting
        wakeups.waiting();
        assertTrue(wakeups.mayYield());
        now.addAndGet(DRAIN_AFTER - 1);
        assertTrue(wakeups.mayYield());
    }

    @Test
    void usersStopYieldingOnceAWaiterWentUnansweredForTheDrainInterval() {
        wakeups.waiting();
        now.addAndGet(DRAIN_AFTER);
        assertFalse(wakeups.mayYield());
        now.addAndGet(DRAIN_AFTER * 100);
        assertFalse(wakeups.mayYield(), "still draining: nobody has come back yet");
    }

    @Test
    void theFirstWaiterToComeBackEndsTheDrainWhileOthersStillWait() {
        wakeups.waiting();
        wakeups.waiting();
        now.addAndGet(DRAIN_AFTER * 3);
        assertFalse(wakeups.mayYield());
        wakeups.returned();
        assertEquals(1, wakeups.waiters());
        assertTrue(wakeups.mayYield(), "the carrier reached the external queue just now");
        now.addAndGet(DRAIN_AFTER);
        assertFalse(wakeups.mayYield(), "the other waiter may be overlooked again");
        wakeups.returned();
        assertEquals(0, wakeups.waiters());
        now.addAndGet(DRAIN_AFTER * 5);
        assertTrue(wakeups.mayYield());
    }

    @Test
    void aLaterWaiterDoesNotPostponeTheDrainForAnEarlierOne() {
        wakeups.waiting();
        now.addAndGet(DRAIN_AFTER - 1);
        wakeups.waiting(); // the first is still unanswered: its interval keeps running
        now.addAndGet(1);
        assertFalse(wakeups.mayYield());
    }

    @Test
    void aUserIsAloneWhenEveryOtherUserWaitsForThePollerOrATimer() {
        assertTrue(wakeups.alone(), "not a user: a yield would find nobody on the local queue either");
        wakeups.joined();
        wakeups.joined();
        wakeups.joined();
        assertFalse(wakeups.alone());
        wakeups.waiting();
        assertFalse(wakeups.alone(), "one other user can still run");
        wakeups.waiting();
        assertTrue(wakeups.alone());
        wakeups.returned();
        assertFalse(wakeups.alone());
        wakeups.left();
        assertTrue(wakeups.alone());
        wakeups.returned();
        wakeups.left();
        wakeups.left();
        assertEquals(0, wakeups.users());
    }
}

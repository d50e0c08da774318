package io.jrrtui.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Progress of a move from sampled events: percent and estimate, restores, bounds. */
class MoveProgressTest {
    private static final long S = 1_000_000_000L;

    @Test
    void aForwardJumpCountsFromWhereItStarted() {
        MoveProgress p = MoveProgress.to(5000, 1000, 0);
        assertEquals("", p.text(), "nothing to say before a sample");
        p.sample(2000, S); // 1000 events a second; 3000 to go
        assertEquals("event 2000/5000 25% ~3s left", p.text());
        p.sample(5000, 2 * S);
        assertEquals("event 5000/5000", p.text(), "at the goal: no estimate");
    }

    @Test
    void aRestoredCheckpointStartsANewRun() {
        MoveProgress p = MoveProgress.to(900, 3000, 0); // a jump back: restores a checkpoint before 900
        p.sample(100, S);
        assertEquals("event 100/900", p.text(), "one sample of the new run gives no rate yet");
        p.sample(500, 2 * S); // 400 events a second from event 100
        assertEquals("event 500/900 50% ~1s left", p.text());
        p.sample(50, 3 * S); // a restore further back: counted anew
        assertEquals("event 50/900", p.text());
    }

    @Test
    void aBoundGivesAnUpperEstimateWithoutPercent() {
        MoveProgress p = MoveProgress.atMost(20000, 1, 0);
        p.sample(10001, 2 * S);
        assertEquals("event 10001 of at most 20000 <=2s left", p.text());
        p.sample(-1, 3 * S); // a session that cannot say changes nothing
        assertEquals("event 10001 of at most 20000 <=2s left", p.text());
    }
}

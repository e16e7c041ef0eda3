package com.example.hublinks.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Wrong passwords: four in a row are free, then each pauses the name twice as long, at most 15 minutes. */
class SignInThrottleTest {

    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-12-01T09:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final HandClock clock = new HandClock();
    final SignInThrottle throttle = new SignInThrottle(clock);

    @Test
    void fourWrongPasswordsAreFreeThenPausesDouble() {
        for (int i = 0; i < SignInThrottle.FREE_FAILURES; i++) {
            assertThat(throttle.failed("hr1")).isZero();
            assertThat(throttle.pausedFor("hr1")).isEmpty();
        }
        assertThat(throttle.failed("hr1")).isEqualTo(Duration.ofSeconds(30));
        assertThat(throttle.pausedFor("HR1 ")).hasValue(Duration.ofSeconds(30)); // the same name, however typed
        assertThat(throttle.pausedFor("ops1")).isEmpty();

        clock.now = clock.now.plusSeconds(30);
        assertThat(throttle.pausedFor("hr1")).isEmpty();
        assertThat(throttle.failed("hr1")).isEqualTo(Duration.ofSeconds(60));
        clock.now = clock.now.plusSeconds(59);
        assertThat(throttle.pausedFor("hr1")).hasValue(Duration.ofSeconds(1));
    }

    @Test
    void pausesStopGrowingAtFifteenMinutes() {
        assertThat(SignInThrottle.pause(5 + 4)).isEqualTo(Duration.ofMinutes(8));
        assertThat(SignInThrottle.pause(5 + 5)).isEqualTo(Duration.ofMinutes(15));
        assertThat(SignInThrottle.pause(1000)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void theRightPasswordClearsTheCount() {
        for (int i = 0; i < SignInThrottle.FREE_FAILURES; i++) {
            throttle.failed("hr1");
        }
        throttle.succeeded("hr1");
        assertThat(throttle.failed("hr1")).isZero();
    }
}

package com.example.hublinks.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Repeated wrong passwords pause a user name's sign-in: the first {@value #FREE_FAILURES} in a row
 * cost nothing, each one after that pauses the name for 30 s, then 60 s, 2 min… at most 15 min.
 * A right password clears the count. Known and unknown names are treated alike, so a pause tells
 * nobody whether the name exists; the names tracked are bounded.
 */
final class SignInThrottle {

    static final int FREE_FAILURES = 4;
    static final Duration FIRST_PAUSE = Duration.ofSeconds(30);
    static final Duration LONGEST_PAUSE = Duration.ofMinutes(15);
    private static final int MAX_TRACKED = 10_000;

    private record Failures(int count, Instant pausedUntil, Instant last) {
    }

    private final Map<String, Failures> byName = new ConcurrentHashMap<>();
    private final Clock clock;

    SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long the name's sign-in is still paused, if it is. */
    Optional<Duration> pausedFor(String name) {
        Failures failures = byName.get(key(name));
        Instant now = clock.instant();
        return failures == null || !failures.pausedUntil().isAfter(now) ? Optional.empty()
                : Optional.of(Duration.between(now, failures.pausedUntil()));
    }

    /** A wrong password for the name; returns the pause it now has (zero while failures are free). */
    Duration failed(String name) {
        Instant now = clock.instant();
        if (byName.size() >= MAX_TRACKED) {
            byName.values().removeIf(f -> f.last().isBefore(now.minus(LONGEST_PAUSE)));
        }
        Failures failures = byName.compute(key(name), (k, old) -> {
            int count = old == null ? 1 : old.count() + 1;
            return new Failures(count, now.plus(pause(count)), now);
        });
        return pause(failures.count());
    }

    void succeeded(String name) {
        byName.remove(key(name));
    }

    static Duration pause(int failures) {
        if (failures <= FREE_FAILURES) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - FREE_FAILURES - 1, 10);
        Duration pause = FIRST_PAUSE.multipliedBy(1L << doublings);
        return pause.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause;
    }

    private static String key(String name) {
        return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    }
}

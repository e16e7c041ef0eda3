package com.example.hublinks.catalog;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before the next try of an API call: exponential ({@code base} × 2ⁿ⁻¹) with
 * jitter (a random half to all of it), so that many clients throttled together do not come back
 * together; eduMe's {@code Retry-After}, when it sent one, wins. Never more than {@code max}.
 */
record Backoff(Duration base, Duration max) {

    /** The wait after failed try number {@code attempt} (1-based). */
    Duration delay(int attempt, Duration retryAfter) {
        if (retryAfter != null) {
            return retryAfter.compareTo(max) > 0 ? max : retryAfter;
        }
        long ceiling = base.toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(ceiling, max.toMillis());
        long half = capped / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(capped - half + 1));
    }
}

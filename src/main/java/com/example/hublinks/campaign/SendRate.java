package com.example.hublinks.campaign;

/**
 * Spaces messages so that no more than {@code perSecond} leave per second (SMTP relays throttle
 * or block bursts). The first message goes at once.
 */
class SendRate {

    private final long intervalNanos;
    private long next = Long.MIN_VALUE;

    public SendRate(double perSecond) {
        this.intervalNanos = (long) (1_000_000_000L / perSecond);
    }

    /** Waits until the next message may go. */
    public void acquire() throws InterruptedException {
        long now = System.nanoTime();
        if (next != Long.MIN_VALUE && now < next) {
            long wait = next - now;
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            now = next;
        }
        next = now + intervalNanos;
    }
}

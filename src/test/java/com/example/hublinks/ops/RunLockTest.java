package com.example.hublinks.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The run lock on its own: one holder at a time, a dead holder taken over, by lease or by pid. */
class RunLockTest {

    static final Duration LEASE = Duration.ofSeconds(60);
    static final Instant NOW = Instant.parse("2026-02-02T02:15:00Z");

    JdbcTemplate jdbc;

    @BeforeEach
    void freshTable() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:run-lock-test;DB_CLOSE_DELAY=-1");
        jdbc = new JdbcTemplate(h2);
        jdbc.execute("drop table if exists run_lock");
        jdbc.execute(Files.readString(Path.of("src/main/resources/db/migration/V6__run_lock.sql")));
    }

    RunLock lock(String owner, Instant now) {
        return new RunLock(jdbc, Clock.fixed(now, ZoneOffset.UTC), LEASE, owner);
    }

    @Test
    void aSecondOwnerIsKeptOutWhileTheFirstHoldsItAndGetsItOnceReleased() {
        RunLock first = lock("host-a:100", NOW);
        RunLock second = lock("host-b:200", NOW.plusSeconds(5));

        assertThat(first.tryAcquire("nightly")).isEmpty();
        assertThat(second.tryAcquire("nightly")).hasValueSatisfying(h -> assertThat(h.owner()).isEqualTo("host-a:100"));
        assertThat(second.tryAcquire("other-job")).as("locks are per job").isEmpty();

        first.release("nightly");
        assertThat(second.tryAcquire("nightly")).isEmpty();
    }

    @Test
    void aHolderWhoseHeartbeatIsOlderThanTheLeaseIsTakenOver() {
        RunLock crashed = lock("host-a:100", NOW);
        assertThat(crashed.tryAcquire("nightly")).isEmpty();
        assertThat(lock("host-a:100", NOW.plusSeconds(30)).heartbeat("nightly")).isTrue();

        assertThat(lock("host-b:200", NOW.plusSeconds(60)).tryAcquire("nightly")).as("heartbeat 30 s ago").isPresent();
        RunLock next = lock("host-b:200", NOW.plusSeconds(91));
        assertThat(next.tryAcquire("nightly")).as("heartbeat 61 s ago").isEmpty();
        assertThat(next.holder("nightly")).hasValueSatisfying(h -> assertThat(h.owner()).isEqualTo("host-b:200"));

        assertThat(crashed.heartbeat("nightly")).as("the stalled holder learns it lost the lock").isFalse();
        crashed.release("nightly");
        assertThat(next.holder("nightly")).isPresent();
    }

    @Test
    void aProcessOfThisHostThatEndedIsTakenOverAtOnce() throws Exception {
        jdbc.update("insert into run_lock values ('nightly', ?, ?, ?)", deadOwner(), Timestamp.from(NOW),
                Timestamp.from(NOW));

        assertThat(lock(LockOwner.thisProcess(), NOW.plusSeconds(1)).tryAcquire("nightly")).isEmpty();
    }

    /** A lock owner of this host whose process has ended. */
    static String deadOwner() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        return LockOwner.thisProcess().replaceAll(":\\d+$", ":" + gone.pid());
    }

    @Test
    void aLiveProcessOfThisHostKeepsItsLock() {
        jdbc.update("insert into run_lock values ('nightly', ?, ?, ?)", LockOwner.thisProcess(), Timestamp.from(NOW),
                Timestamp.from(NOW));

        assertThat(lock("host-b:200", NOW.plusSeconds(1)).tryAcquire("nightly")).isPresent();
    }
}

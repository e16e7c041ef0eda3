package com.example.hublinks.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.hublinks.TestFiles;
import com.example.hublinks.cli.HublinksCommand;
import com.example.hublinks.support.ExitCodes;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.repository.dao.DefaultExecutionContextSerializer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Remote partitioning (issue 7, DESIGN §6) on one machine: the same roster signed by a local night
 * on one PostgreSQL database, and by a remote night on another: {@code hublinks run} as the manager
 * with {@code hublinks.scale.mode: remote}, and two {@code hublinks worker} processes taking its
 * four partitions through the database. One partition fails, and the rerun resends only that
 * one. Both workers run partitions, the manager none, and the links and exported files are byte
 * for byte those of the local night.
 */
class RemotePartitioningTest {

    static final int LEARNERS = 4_000;
    static final String DATE = "2026-03-03";
    static final List<String> FILES = List.of("email.csv", "sms.csv", "inapp.jsonl", "rejects.csv");

    static EmbeddedPostgres postgres;
    static final List<ChildRun> children = new ArrayList<>();

    @TempDir
    static Path tmp;
    static Path roster;

    @BeforeAll
    static void startPostgresAndGenerateRoster() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        JdbcTemplate admin = new JdbcTemplate(postgres.getPostgresDatabase());
        admin.execute("create database local_night");
        admin.execute("create database remote_night");
        admin.execute("create database stranded_night");
        admin.execute("create database killed_night");
        admin.execute("create database stopped_night");
        roster = tmp.resolve("roster.csv");
        assertThat(HublinksCommand.execute("generate-roster", "--rows", String.valueOf(LEARNERS), "--out",
                roster.toString(), "--seed", "7")).isZero();
    }

    @AfterAll
    static void stopEverything() throws Exception {
        for (ChildRun child : children) {
            child.kill(); // a worker still running after a failed assertion
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aManagerAndTwoWorkersSignExactlyWhatOneProcessSigns() throws Exception {
        Path local = Files.createDirectories(tmp.resolve("local"));
        Result localNight = hublinks("run", local, "local_night", "--date", DATE, "--roster", roster.toString());
        assertThat(localNight.exitCode()).as(localNight.err()).isZero();

        Path remote = Files.createDirectories(tmp.resolve("remote"));
        List<ChildRun> workers = workers(remote, "remote_night", "worker1", "worker2");
        // the last partition cannot store the links of the last ten learners: the night fails in that
        // partition, and its rerun resends only that one
        JdbcTemplate remoteDb = database("remote_night");
        remoteDb.execute("alter table learner_link add constraint fail_once check (external_user_id < 'E0003990')");
        Result failed = remoteRun(remote, "remote_night", "2m");
        assertThat(failed.exitCode()).as(failed.err()).isEqualTo(ExitCodes.FAILED);
        assertThat(failed.err()).containsPattern("failed in step signLinks: signLinksPartition:partition3 in worker"
                + " [^ ]+:\\d+ failed \\(that worker's log says why\\); run the same command again to resume");
        remoteDb.execute("alter table learner_link drop constraint fail_once");
        Result resumed = remoteRun(remote, "remote_night", "2m");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();

        // every partition ran in a worker, each worker ran some, the manager none; only the failed one twice
        Map<String, List<String>> ranBy = partitionWorkers("remote_night");
        assertThat(ranBy).containsOnlyKeys("signLinksPartition:partition0", "signLinksPartition:partition1",
                "signLinksPartition:partition2", "signLinksPartition:partition3");
        assertThat(ranBy.get("signLinksPartition:partition3")).hasSize(2);
        assertThat(ranBy.get("signLinksPartition:partition0")).hasSize(1);
        Set<String> workerIds = Set.of(processId(workers.get(0)), processId(workers.get(1)));
        List<String> all = ranBy.values().stream().flatMap(List::stream).toList();
        assertThat(all).hasSize(5).allMatch(workerIds::contains).containsAll(workerIds)
                .doesNotContain(LockOwner.thisProcess());
        assertThat(partitionWorkers("local_night").values()).containsOnly(List.of(LockOwner.thisProcess()));

        // the manager's report shows the partitions as the workers left them, not as it sent them
        assertThat(Files.readString(remote.resolve(Path.of("out", "sample-nightly", DATE, "report.json"))))
                .contains("signLinksPartition:partition3").doesNotContain("STARTING");

        // the same links and the same files, byte for byte
        assertThat(links("remote_night")).hasSizeGreaterThan(LEARNERS * 9 / 10).isEqualTo(links("local_night"));
        Path night = Path.of("out", "sample-nightly", DATE);
        for (String file : FILES) {
            assertThat(Files.readAllBytes(remote.resolve(night).resolve(file))).as(file)
                    .isEqualTo(Files.readAllBytes(local.resolve(night).resolve(file)));
        }

        // stopped as systemd or Kubernetes stop them; each says what it ran, never the secret nor a link
        // (the failed insert's message would hold one, if the driver were let put row values in it)
        for (ChildRun worker : workers) {
            worker.stop();
            assertThat(worker.log()).containsPattern("signLinksPartition:partition\\d (COMPLETED|FAILED): ")
                    .contains("Worker stopped").doesNotContain(TestFiles.DEMO_SECRET).doesNotContain("&sig=");
        }
        assertThat(workers.get(0).log() + workers.get(1).log()).contains("signLinksPartition:partition3 FAILED")
                .containsPattern("signLinksPartition:partition3 COMPLETED: \\d+ learners signed");
    }

    @Test
    void aNightNoWorkerFinishesFailsAtTheTimeoutAndResumesOnceWorkersRun() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("stranded"));
        Result failed = remoteRun(home, "stranded_night", "1s"); // no worker is running
        assertThat(failed.exitCode()).as(failed.err()).isEqualTo(ExitCodes.FAILED);
        assertThat(failed.err()).contains("failed in step signLinks: no worker finished 4 partition(s) within"
                + " hublinks.scale.timeout (PT1S); is 'hublinks worker' running?").contains("run the same command again");
        JdbcTemplate db = database("stranded_night");
        assertThat(db.queryForList("select status from batch_step_execution where step_name like 'signLinksPartition:%'",
                String.class)).hasSize(4).containsOnly("FAILED");

        ChildRun worker = workers(home, "stranded_night", "late-worker").get(0);
        Result resumed = remoteRun(home, "stranded_night", "2m");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        worker.stop();
        // the first night's four requests were still in the channel: skipped, not run
        assertThat(worker.log().lines().filter(line -> line.contains("Skipping a request"))).hasSize(4);
        assertThat(worker.log().lines().filter(line -> line.contains(" COMPLETED: "))).hasSize(4);
        assertThat(db.queryForObject("select count(*) from learner_link", Long.class)).isGreaterThan(LEARNERS * 9 / 10);
    }

    @Test
    void aWorkerKilledInThePartitionItRunsIsResumedFromItsLastCommit() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("killed"));
        // small chunks and a progress line per chunk: commits to be killed between, and a log to watch
        ChildRun doomed = ChildRun.launch(home, "doomed-worker", "worker", settings(home, "killed_night",
                "--hublinks.scale.mode=remote", "--hublinks.job.chunk-size=20", "--hublinks.ops.progress-every=0s"));
        children.add(doomed);
        // listening before the manager sends: it takes the first request at once, long before the timeout
        assertThat(doomed.awaitLines(line -> line.contains("taking signLinks partitions"), 1)).as(doomed.log()).isTrue();
        ChildRun manager = ChildRun.launch(home, "manager", "run", settings(home, "killed_night", "--date", DATE,
                "--roster", roster.toString(), "--hublinks.scale.mode=remote", "--hublinks.scale.timeout=8s"));
        children.add(manager);
        assertThat(doomed.awaitLines(line -> line.matches(".* signLinksPartition:partition\\d: .* items done.*"), 2))
                .as(doomed.log()).isTrue();
        doomed.kill(); // kill -9 in the middle of a partition: it stays STARTED, its worker gone
        ChildRun worker = workers(home, "killed_night", "worker").get(0);

        assertThat(manager.waitForExit()).as(manager.log()).isEqualTo(ExitCodes.FAILED);
        // the killed one "taken by" the dead worker; others "never taken" if the new worker was not up in time
        assertThat(manager.log()).containsPattern("No worker finished .*signLinksPartition:partition\\d \\(taken by [^ ]+:"
                + doomed.process().pid() + "\\)").contains("within hublinks.scale.timeout (PT8S)");

        Result resumed = remoteRun(home, "killed_night", "2m");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        worker.stop();
        assertThat(worker.log()).containsPattern("signLinksPartition:partition\\d: resuming after [\\d,]+ items done");
        assertThat(database("killed_night").queryForObject("select count(*) from learner_link", Long.class))
                .isEqualTo(database("killed_night").queryForObject("select count(*) from learner", Long.class));
    }

    @Test
    void aWorkerStoppedWithSigtermGivesItsPartitionBackAndTheNightCompletes() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("stopped"));
        // chunks of two learners: a partition takes hundreds of commits, the signal lands in the middle of one
        ChildRun stopped = ChildRun.launch(home, "stopped-worker", "worker", settings(home, "stopped_night",
                "--hublinks.scale.mode=remote", "--hublinks.job.chunk-size=2", "--hublinks.ops.progress-every=0s"));
        children.add(stopped);
        assertThat(stopped.awaitLines(line -> line.contains("taking signLinks partitions"), 1)).as(stopped.log()).isTrue();
        ChildRun manager = ChildRun.launch(home, "manager", "run", settings(home, "stopped_night", "--date", DATE,
                "--roster", roster.toString(), "--hublinks.scale.mode=remote", "--hublinks.scale.timeout=2m"));
        children.add(manager);
        assertThat(stopped.awaitLines(line -> line.matches(".* signLinksPartition:partition\\d: .* items done.*"), 2))
                .as(stopped.log()).isTrue();
        stopped.process().destroy(); // SIGTERM in the middle of a partition, as systemd or Kubernetes stop a worker
        assertThat(stopped.process().waitFor(10, java.util.concurrent.TimeUnit.SECONDS))
                .as("ended within 10 s of SIGTERM:\n" + stopped.log()).isTrue();
        assertThat(stopped.process().exitValue()).as(stopped.log()).isEqualTo(ExitCodes.STOPPED);
        assertThat(stopped.log()).contains("SIGTERM received: stopping the worker")
                .containsPattern("Gave signLinksPartition:partition\\d back to channel signLinks:sample-nightly");

        // the night goes on: another worker resumes the partition from its last commit, nobody reruns anything
        ChildRun worker = workers(home, "stopped_night", "worker").get(0);
        assertThat(manager.waitForExit()).as(manager.log()).isZero();
        worker.stop();
        assertThat(worker.log()).containsPattern("signLinksPartition:partition\\d: resuming after [\\d,]+ items done");
        JdbcTemplate db = database("stopped_night");
        assertThat(db.queryForList("select status from batch_step_execution", String.class)).containsOnly("COMPLETED");
        assertThat(db.queryForObject("select count(*) from learner_link", Long.class))
                .isEqualTo(db.queryForObject("select count(*) from learner", Long.class));
    }

    @Test
    void remoteModeOnH2IsRefusedNamingBothKeys() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("h2"));
        for (String command : List.of("run", "worker")) {
            List<String> args = new ArrayList<>(List.of(command, "jobs/sample-nightly.yml", "--hublinks.scale.mode=remote"));
            args.addAll(ChildRun.settings(home));
            StringWriter err = new StringWriter();
            int code = HublinksCommand.execute(new PrintWriter(new StringWriter()), new PrintWriter(err),
                    args.toArray(String[]::new));
            assertThat(code).as(err.toString()).isEqualTo(ExitCodes.SETTINGS);
            assertThat(err.toString()).startsWith("hublinks: hublinks.scale.mode: remote needs a PostgreSQL database")
                    .contains("spring.datasource.url is jdbc:h2:file:");
            assertThat(err.toString().lines()).hasSize(1);
        }
    }

    @Test
    void aWorkerOfALocalJobIsRefused() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("local-worker"));
        List<String> args = new ArrayList<>(List.of("worker", "jobs/sample-nightly.yml"));
        args.addAll(ChildRun.settings(home));
        StringWriter err = new StringWriter();
        int code = HublinksCommand.execute(new PrintWriter(new StringWriter()), new PrintWriter(err),
                args.toArray(String[]::new));
        assertThat(code).isEqualTo(ExitCodes.SETTINGS);
        assertThat(err.toString()).contains("hublinks.scale.mode: a worker runs the partitions of remote nights")
                .contains("(now local)");
    }

    record Result(int exitCode, String err) {
    }

    /** The manager: {@code run} with remote mode, in this JVM, failing the night after {@code timeout}. */
    static Result remoteRun(Path home, String database, String timeout) {
        return hublinks("run", home, database, "--date", DATE, "--roster", roster.toString(),
                "--hublinks.scale.mode=remote", "--hublinks.scale.timeout=" + timeout);
    }

    /** {@code hublinks worker} processes, each its own JVM, once all are listening. */
    static List<ChildRun> workers(Path home, String database, String... names) throws InterruptedException {
        List<ChildRun> started = new ArrayList<>();
        for (String name : names) {
            started.add(ChildRun.launch(home, name, "worker", settings(home, database, "--hublinks.scale.mode=remote")));
        }
        children.addAll(started);
        for (ChildRun worker : started) {
            assertThat(worker.awaitLines(line -> line.contains("taking signLinks partitions from channel"), 1))
                    .as(worker.log()).isTrue();
        }
        return started;
    }

    /** A command in this JVM against the PostgreSQL database {@code database}, output under {@code home}. */
    static Result hublinks(String command, Path home, String database, String... args) {
        List<String> line = new ArrayList<>(List.of(command, "jobs/sample-nightly.yml"));
        line.addAll(settings(home, database, args));
        StringWriter err = new StringWriter();
        int code = HublinksCommand.execute(new PrintWriter(new StringWriter()), new PrintWriter(err),
                line.toArray(String[]::new));
        return new Result(code, err.toString());
    }

    static List<String> settings(Path home, String database, String... args) {
        List<String> settings = new ArrayList<>(List.of(args));
        settings.addAll(List.of("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", database),
                "--spring.datasource.username=postgres", "--spring.datasource.hikari.maximum-pool-size=10",
                "--hublinks.campaign.out-dir=" + home.resolve("out"), "--hublinks.scale.partitions=4",
                "--hublinks.scale.poll-interval=100ms",
                "--hublinks.links.secret-env=HUBLINKS_TEST_UNSET_VARIABLE")); // the sample's demo secret file
        return settings;
    }

    static String processId(ChildRun run) {
        return LockOwner.thisProcess().replaceFirst(":\\d+$", ":" + run.process().pid()); // same host
    }

    static JdbcTemplate database(String name) {
        return new JdbcTemplate(new SingleConnectionDataSource(postgres.getJdbcUrl("postgres", name), true));
    }

    /** Each partition of signLinks and the {@code worker} (host:pid) of each of its step executions, in order. */
    static Map<String, List<String>> partitionWorkers(String database) {
        DefaultExecutionContextSerializer serializer = new DefaultExecutionContextSerializer();
        Map<String, List<String>> workers = new TreeMap<>();
        database(database).query("select s.step_name, c.short_context from batch_step_execution s"
                + " join batch_step_execution_context c on c.step_execution_id = s.step_execution_id"
                + " where s.step_name like 'signLinksPartition:%' order by s.step_execution_id", rs -> {
            try {
                Map<String, Object> context = serializer.deserialize(
                        new ByteArrayInputStream(rs.getString(2).getBytes(StandardCharsets.UTF_8)));
                workers.computeIfAbsent(rs.getString(1), name -> new ArrayList<>()).add((String) context.get("worker"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return workers;
    }

    static List<String> links(String database) {
        return database(database).query("select job_name, external_user_id, kind, target_id, url, state, first_issued,"
                + " last_changed, removed_on from learner_link order by external_user_id, kind, target_id", (rs, i) -> {
            StringBuilder row = new StringBuilder();
            for (int column = 1; column <= 9; column++) {
                row.append(rs.getString(column)).append('|');
            }
            return row.toString();
        });
    }
}

package com.example.hublinks.roster;

import com.example.hublinks.support.OutputDirectory;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * Step {@code importRoster}: reads tonight's roster once and stages only what changed. Each call is
 * one transaction (the step calls again while it answers CONTINUABLE), in phases: create tonight's
 * delta table; per pass, load the stored fingerprints, read the roster chunk by chunk
 * ({@link RosterImport}), then find the pass's leavers; finally the leavers among learners stored
 * without a fingerprint, and the tally into the job's context.
 * <p>
 * A roster too large for one table in memory ({@code table-memory}) is read in several passes,
 * each for the learners whose id hash falls in its share, with its own rejects and warnings files,
 * merged in line order at the end: memory stays flat whatever the roster's size.
 * <p>
 * Restart: from the top. The import writes nothing but tonight's delta (dropped and made again)
 * and its files (written again), and the comparison it holds in memory must see the whole roster.
 * The step runs again whenever its night is resumed, so a resumed night never depends on a delta
 * table having survived (an upgrade, a restored database): the learners the earlier executions
 * already signed are staged again (they changed tonight), and the partitions of signLinks resume
 * after the last learner they committed.
 */
public class ImportRosterTasklet implements Tasklet, StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(ImportRosterTasklet.class);
    static final String REJECTS = "rejects.csv";
    static final String WARNINGS = "warnings.csv";
    private static final String REJECTS_HEADER = "line,column,reason";
    private static final String WARNINGS_HEADER = "line,external_user_id,column,reason";

    /** What the import is given. */
    /**
     * @param rerun       not the date's first attempt ({@code --force}, or after a guard stop): the
     *                    learners an earlier attempt changed tonight are staged again, so that the
     *                    night's exports are the same as that attempt's
     * @param tableMemory at most this much memory for the stored learners of one pass
     */
    public record Settings(String job, LocalDate runDate, boolean rerun, String idColumn, int chunkSize,
                           long tableMemory, Path rosterFile, String catalogFingerprint) {
    }

    private final Supplier<ItemStreamReader<RosterRow>> readers;
    private final RosterValidator validator;
    private final RowFingerprint fingerprints;
    private final Function<List<Long>, PlannedLinks> planner;
    private final LearnerRepository learners;
    private final NightDelta delta;
    private final OutputDirectory out;
    private final Settings settings;
    private final JsonMapper json;
    private final SameRoster.LastPublished lastPublished;
    private final ForkJoinPool cores = new ForkJoinPool(Runtime.getRuntime().availableProcessors());

    private enum Phase { START, LOAD, READ, LEAVERS, FINISH, SAME }

    private Phase phase = Phase.START;
    private long instance;
    private ImportTally.Roster roster;
    private boolean resumed;
    private int pass;
    private int passes;
    private long storedBefore;
    private long read;
    private long leavers;
    private RosterImport rosterImport;
    private StoredFingerprints stored;
    private StoredPass storedPass;
    private ItemStreamReader<RosterRow> reader;
    private RowPrefetch rows;
    private final List<IssueFile> rejectFiles = new ArrayList<>();
    private final List<IssueFile> warningFiles = new ArrayList<>();

    public ImportRosterTasklet(Supplier<ItemStreamReader<RosterRow>> readers, RosterValidator validator,
                               RowFingerprint fingerprints, Function<List<Long>, PlannedLinks> planner,
                               LearnerRepository learners, NightDelta delta, OutputDirectory out, Settings settings,
                               JsonMapper json, SameRoster.LastPublished lastPublished) {
        this.lastPublished = lastPublished;
        this.readers = readers;
        this.validator = validator;
        this.fingerprints = fingerprints;
        this.planner = planner;
        this.learners = learners;
        this.delta = delta;
        this.out = out;
        this.settings = settings;
        this.json = json;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        switch (phase) {
            case START -> start(step);
            case LOAD -> load();
            case READ -> read(contribution);
            case LEAVERS -> leavers();
            case FINISH -> {
                finish(step);
                return RepeatStatus.FINISHED;
            }
            case SAME -> {
                return RepeatStatus.FINISHED;
            }
        }
        return RepeatStatus.CONTINUABLE;
    }

    private void start(StepExecution step) {
        instance = step.getJobExecution().getJobInstance().getInstanceId();
        // a resumed night imports again (its delta is made again from the file, see the class comment);
        // what its earlier executions signed tonight is staged again, as for a rerun of the date
        resumed = !delta.register(instance, settings.job(), settings.runDate());
        delta.create(instance);
        roster = new ImportTally.Roster(settings.rosterFile() == null ? null : RosterAcceptances.sha256(settings.rosterFile()),
                fingerprints.contextHash() + ":" + settings.catalogFingerprint(), null);
        if (!settings.rerun() && !resumed && sameAsLastNight(step)) {
            phase = Phase.SAME;
            return;
        }
        rosterImport = new RosterImport(validator, fingerprints, planner, delta, instance, settings.idColumn(), cores);
        passes = 1; // until the stored learners turn out not to fit in memory
        phase = Phase.LOAD;
    }

    /** The very file the last published night read, compared under the same context: its outcome is tonight's. */
    private boolean sameAsLastNight(StepExecution step) {
        ImportTally tally = SameRoster.adopt(roster, lastPublished, out, REJECTS, WARNINGS).orElse(null);
        if (tally == null) {
            return false;
        }
        step.getExecutionContext().putString(ImportTally.KEY, json.writeValueAsString(tally));
        step.setFilterCount(tally.unchanged());
        step.setReadCount(tally.read());
        log.info("Roster: the file the night of {} read, under the same catalog and settings: {} rows, all {}"
                + " learners unchanged, {} rejected", tally.roster().unchangedSince(), tally.read(), tally.unchanged(),
                tally.rejected());
        return true;
    }

    /** This pass's share of the stored learners into memory; on the first pass, how many are stored. */
    private void load() {
        stored = new StoredFingerprints(settings.tableMemory());
        storedPass = new StoredPass(learners, settings.job(), pass, passes);
        StoredPass.Loaded live = storedPass.load(stored);
        if (live.full()) {
            if (pass > 0) {
                throw new IllegalStateException("pass " + pass + " of " + passes + " holds more stored learners than"
                        + " hublinks.scale.roster-memory does");
            }
            int perPass = StoredFingerprints.capacityFor(settings.tableMemory()) * 9 / 10;
            passes = (int) ((live.fingerprinted() + perPass - 1) / perPass);
            log.info("{} stored learners: reading the roster in {} passes (hublinks.scale.roster-memory {} bytes)",
                    live.fingerprinted(), passes, settings.tableMemory());
            return; // loaded again, this pass's share only
        }
        if (pass == 0) {
            storedBefore = live.fingerprinted() + live.unfingerprinted();
        }
        if (settings.rerun() || resumed) {
            learners.forEachChangedOn(settings.job(), settings.runDate(), id -> {
                int slot = stored.find(RowFingerprint.idHash(id), RowFingerprint.idCheck(id));
                if (slot >= 0) {
                    stored.force(slot);
                }
            });
        }
        IssueFile rejects = new IssueFile(out, partName(REJECTS), REJECTS_HEADER);
        rejectFiles.add(rejects);
        IssueFile warnings = new IssueFile(out, partName(WARNINGS), WARNINGS_HEADER);
        warningFiles.add(warnings);
        rosterImport.startPass(stored, rejects, warnings);
        reader = readers.get();
        reader.open(new ExecutionContext());
        rows = new RowPrefetch(reader, settings.chunkSize());
        phase = Phase.READ;
    }

    private void read(StepContribution contribution) throws Exception {
        List<RosterRow> chunk = rows.next();
        if (chunk == null) {
            phase = Phase.LEAVERS;
            return;
        }
        if (pass == 0) {
            read += chunk.size(); // every row once, in the first pass
            chunk.forEach(row -> contribution.incrementReadCount());
        }
        if (passes > 1) {
            chunk = chunk.stream().filter(row -> storedPass.holds(RowFingerprint.idHash(RosterImport.idOf(row)))).toList();
        }
        rosterImport.process(chunk);
    }

    /** The pass's leavers; then the next pass, or the end. */
    private void leavers() {
        closeReader();
        storedPass.leavers(stored, this::leave, this::leaveUnlessStaged);
        stored = null;
        pass++;
        phase = pass < passes ? Phase.LOAD : Phase.FINISH;
    }

    private void leave(List<String> ids) {
        delta.insertLeavers(instance, ids);
        leavers += ids.size();
        ids.clear();
    }

    private void leaveUnlessStaged(List<String> ids) {
        ids.removeAll(delta.staged(instance, ids));
        leave(ids);
    }

    private void finish(StepExecution step) {
        // learners stored by an earlier release have no fingerprint yet: those not staged tonight have left
        List<String> migrated = learners.unfingerprintedMissingFrom(settings.job(), NightDelta.table(instance));
        for (int from = 0; from < migrated.size(); from += StoredPass.LEAVER_BATCH) {
            leave(new ArrayList<>(migrated.subList(from, Math.min(migrated.size(), from + StoredPass.LEAVER_BATCH))));
        }
        ReasonTally rejected = closeAll(rejectFiles, REJECTS);
        ReasonTally warned = closeAll(warningFiles, WARNINGS);
        ImportTally tally = new ImportTally(read, rejected.total(), warned.total(), rosterImport.unchanged,
                rosterImport.unchangedLinks, rosterImport.staged, leavers, storedBefore, rosterImport.perTeam,
                rejected.byCount(), warned.byCount(), rosterImport.firstRejects, rosterImport.firstWarnings, roster,
                rosterImport.sample.hints());
        step.getExecutionContext().putString(ImportTally.KEY, json.writeValueAsString(tally));
        step.setWriteCount(tally.staged() + tally.leavers());
        step.setFilterCount(tally.unchanged());
        log.info("Roster: {} rows, {} unchanged, {} to sign (new or changed), {} leaving, {} rejected",
                tally.read(), tally.unchanged(), tally.staged(), tally.leavers(), tally.rejected());
    }

    private ReasonTally closeAll(List<IssueFile> files, String name) {
        files.forEach(IssueFile::close);
        ReasonTally tally = files.size() == 1 ? files.get(0).tally()
                : IssueFile.merge(files, out.part(name));
        files.clear();
        return tally;
    }

    /** Closes what a failed or stopped import left open (files, the roster); nothing else happens here. */
    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        closeReader();
        rejectFiles.forEach(IssueFile::closeQuietly);
        warningFiles.forEach(IssueFile::closeQuietly);
        cores.shutdown();
        return null;
    }

    private void closeReader() {
        if (rows != null) {
            rows.close();
            rows = null;
        }
        if (reader != null) {
            reader.close();
            reader = null;
        }
    }

    /** Read back from the job's context. */
    public static ImportTally tally(ExecutionContext jobContext, JsonMapper json) {
        String saved = jobContext.getString(ImportTally.KEY, null);
        return saved == null ? null : json.readValue(saved, ImportTally.class);
    }

    private String partName(String name) {
        return passes == 1 ? name : name + ".pass" + pass;
    }
}

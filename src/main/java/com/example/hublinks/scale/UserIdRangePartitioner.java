package com.example.hublinks.scale;

import com.example.hublinks.roster.ImportTally;
import com.example.hublinks.roster.NightDelta;
import com.example.hublinks.support.ProgressLog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Splits tonight's delta (the learners to sign) into {@code gridSize} ranges of user ids of about equal size, for the
 * partitions of {@code signLinks}. A partition's context holds its range: {@value #FROM}
 * (inclusive) and {@value #TO} (exclusive); an end that is absent is open. The ranges are saved
 * with each partition's step execution, so a restart resumes the same ranges.
 */
public class UserIdRangePartitioner implements Partitioner {

    static final String FROM = "fromId";
    static final String TO = "toId";
    /** About how many learners the partition holds: the total behind its progress log. */
    static final String SIZE = "learners";

    private final NightDelta delta;
    private final long jobInstanceId;
    private final ImportTally tally;

    /** {@code tally}: importRoster's, with split points from a sample of the ids it staged (null: ask the table). */
    public UserIdRangePartitioner(NightDelta delta, long jobInstanceId, ImportTally tally) {
        this.delta = delta;
        this.jobInstanceId = jobInstanceId;
        this.tally = tally;
    }

    /** About how many learners a partition's step execution holds: its progress log's total. */
    public static long size(StepExecution partition) {
        return partition.getExecutionContext().getLong(SIZE, ProgressLog.UNKNOWN);
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        List<String> sampled = tally == null ? List.of() : tally.splitPoints(gridSize);
        List<String> splits = !sampled.isEmpty() ? delta.inDatabaseOrder(sampled)
                : delta.splitPoints(jobInstanceId, gridSize);
        long learners = tally != null ? tally.staged() : delta.learnerCount(jobInstanceId);
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (int i = 0; i <= splits.size(); i++) {
            ExecutionContext range = new ExecutionContext();
            if (i > 0) {
                range.putString(FROM, splits.get(i - 1));
            }
            if (i < splits.size()) {
                range.putString(TO, splits.get(i));
            }
            range.putLong(SIZE, learners / (splits.size() + 1));
            partitions.put("partition" + i, range);
        }
        return partitions;
    }
}

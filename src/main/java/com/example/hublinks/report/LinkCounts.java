package com.example.hublinks.report;

import com.example.hublinks.link.LinkRepository;
import com.example.hublinks.link.LinkStateWriter;
import com.example.hublinks.link.RemoveLeaversTasklet;
import com.example.hublinks.roster.ImportTally;
import com.example.hublinks.support.RunParameters;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * Tonight's links per state (new, changed, unchanged, removed), for report.json and metrics.prom,
 * added up from what the night's steps counted — no scan of the link table: the unchanged
 * learners' links (importRoster), what each partition of signLinks wrote or found identical, the
 * leavers' links (removeLeavers). A resumed night's steps may have run in earlier executions, so
 * each step's last execution is taken from the job repository. A night that is not the date's
 * first attempt ({@code --force}, or after a guard stop) counts from the table, as state relative
 * to the night: an earlier attempt changed links this one finds unchanged.
 */
final class LinkCounts {

    static final String SIGN_PARTITION = "signLinksPartition:";

    private LinkCounts() {
    }

    static Map<String, Long> of(JobExecution tonight, ImportTally tally, JobRepository jobRepository,
                                LinkRepository links) {
        if (tonight.getJobParameters().getLong(RunParameters.ATTEMPT, 0L) > 0) {
            return links.stateCounts(tonight.getJobParameters().getString(RunParameters.JOB),
                    tonight.getJobParameters().getLocalDate(RunParameters.RUN_DATE));
        }
        Map<String, StepExecution> steps = new LinkedHashMap<>();
        for (JobExecution execution : jobRepository.getJobExecutions(tonight.getJobInstance())) {
            if (execution.getId() < tonight.getId()) {
                execution.getStepExecutions().forEach(s -> steps.merge(s.getStepName(), s, LinkCounts::later));
            }
        }
        tonight.getStepExecutions().forEach(s -> steps.put(s.getStepName(), s));
        long[] sums = new long[LinkStateWriter.COUNTS.size()];
        steps.forEach((name, step) -> {
            if (name.startsWith(SIGN_PARTITION)) {
                for (int i = 0; i < sums.length; i++) {
                    sums[i] += step.getExecutionContext().getLong(LinkStateWriter.COUNTS.get(i), 0);
                }
            }
        });
        StepExecution leavers = steps.get("removeLeavers");
        long leaverLinks = leavers == null ? 0 : leavers.getExecutionContext().getLong(RemoveLeaversTasklet.REMOVED, 0);
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("new", sums[0]);
        counts.put("changed", sums[1]);
        counts.put("unchanged", tally.unchangedLinks() + sums[2]);
        counts.put("removed", sums[3] + leaverLinks);
        return counts;
    }

    private static StepExecution later(StepExecution a, StepExecution b) {
        return b.getId() > a.getId() ? b : a;
    }
}

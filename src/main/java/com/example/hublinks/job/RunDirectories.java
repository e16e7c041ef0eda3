package com.example.hublinks.job;

import com.example.hublinks.campaign.CampaignSettings;
import com.example.hublinks.support.JobSettings;
import com.example.hublinks.support.OutputDirectory;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * Where a run of the job definition writes: a night in {@code out/{job}/{date}/}, a dry run in
 * {@code out/{job}/check/{date}/}, apart from the night's own files.
 */
@Component
class RunDirectories {

    private final CampaignSettings campaign;
    private final JobSettings job;

    RunDirectories(CampaignSettings campaign, JobSettings job) {
        this.campaign = campaign;
        this.job = job;
    }

    OutputDirectory night(LocalDate runDate) {
        return new OutputDirectory(campaign.outDir(), job.name(), runDate);
    }

    OutputDirectory check(LocalDate runDate) {
        return new OutputDirectory(campaign.outDir().resolve(job.name()), "check", runDate);
    }

    /** That of a run of the Spring Batch job {@code batchJob}: the dry run's, or the night's. */
    OutputDirectory of(String batchJob, LocalDate runDate) {
        return RosterCheckJobConfiguration.JOB_NAME.equals(batchJob) ? check(runDate) : night(runDate);
    }
}

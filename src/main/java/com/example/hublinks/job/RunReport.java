package com.example.hublinks.job;

import com.example.hublinks.catalog.SkippedCourse;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** {@code report.json}: the fields scripts and dashboards read (DESIGN §4). */
public record RunReport(String job, String runDate, String status, int exitCode, CatalogInfo catalog, Counts counts,
                        List<StepTiming> steps, List<String> reasons, List<String> warnings,
                        Courses courses) {

    /** Where tonight's catalog came from; when stale, {@code refreshedAt} is the last good refresh and {@code note} why. */
    public record CatalogInfo(String source, boolean stale, String refreshedAt, String note) {
    }

    /** {@code links.courses} and those of them that got no links (unpublished, deleted, unknown). */
    public record Courses(List<Long> listed, List<SkippedCourse> skipped) {
    }

    public record Counts(long read, long rejected, @JsonProperty("new") long newLinks, long changed, long unchanged, long removed,
                         Map<String, Long> exported, long emailsSent) {
    }

    public record StepTiming(String name, String status, double seconds) {
    }
}

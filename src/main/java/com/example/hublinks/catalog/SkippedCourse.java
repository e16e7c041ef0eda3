package com.example.hublinks.catalog;

import java.util.ArrayList;
import java.util.List;

/** A course the job definition lists ({@code links.courses}) that got no links tonight, and why (report.json). */
public record SkippedCourse(long courseId, String title, String reason) {

    /** The listed courses that are unpublished, deleted or unknown to the stored catalog. */
    public static List<SkippedCourse> among(List<Long> listed, CatalogRepository catalog) {
        List<SkippedCourse> skipped = new ArrayList<>();
        for (Long id : listed) {
            catalog.storedCourse(id).ifPresentOrElse(course -> {
                if (!course.active()) {
                    skipped.add(new SkippedCourse(id, course.title(), "deleted"));
                } else if (!course.published()) {
                    skipped.add(new SkippedCourse(id, course.title(), "unpublished"));
                }
            }, () -> skipped.add(new SkippedCourse(id, null, "not in the eduMe catalog")));
        }
        return skipped;
    }
}

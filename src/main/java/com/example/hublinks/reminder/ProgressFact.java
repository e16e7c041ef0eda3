package com.example.hublinks.reminder;

import com.example.hublinks.catalog.LearnerEvent;

/**
 * What one learner-level event tells about a learner's progress on a course, or why it tells
 * nothing usable. The payload fields are ASSUMED (shared/edume-api/webhooks/learner/README.md), so
 * any of them may be missing: such an event is unusable, counted and reported, never a failure.
 *
 * @param step    the progress the event records, or null
 * @param problem why the event cannot be used, or null; both null: not about a course (a
 *                standalone survey), ignored
 */
record ProgressFact(String externalUserId, Long courseId, Step step, String problem) {

    /** The facts kept per learner and course, each with eduMe's timestamp (the column that holds it). */
    enum Step {
        ENROLLED("enrolled_at"), ACTIVATED("activated_at"), STARTED("started_at"), COMPLETED("completed_at");

        final String column;

        Step(String column) {
            this.column = column;
        }
    }

    static ProgressFact of(LearnerEvent event) {
        String user = event.externalUserId();
        Long course = event.courseId();
        Step step = switch (event.type()) {
            case "learner.added" -> Step.ENROLLED;
            case "learner.activated" -> Step.ACTIVATED;
            case "learner.activity.started" -> Step.STARTED;
            // the course kind is the same fact as learner.course.completed; a lesson, assessment or
            // in-course survey finished is progress on its course, which goes on
            case "learner.activity.finished" -> "course".equals(event.activityType()) ? Step.COMPLETED : Step.STARTED;
            case "learner.course.completed" -> Step.COMPLETED;
            default -> null;
        };
        if (step == null) {
            return unusable(user, course, "unknown event type " + event.type());
        }
        if (course == null && event.type().equals("learner.activity.finished") && event.activityType() != null
                && !event.activityType().equals("course")) {
            return new ProgressFact(user, null, null, null); // a standalone survey: no course to remind of
        }
        if (user == null) {
            return unusable(null, course, "no payload.learner.externalUserId");
        }
        if (course == null) {
            return unusable(user, null, "no payload.course.courseId");
        }
        if (event.type().equals("learner.activity.finished") && event.activityType() == null) {
            return unusable(user, course, "no payload.activityType: a finished course or only a lesson of it");
        }
        return new ProgressFact(user, course, step, null);
    }

    static ProgressFact unusable(String user, Long course, String problem) {
        return new ProgressFact(user, course, null, problem);
    }

    boolean usable() {
        return step != null;
    }
}

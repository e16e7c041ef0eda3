package com.example.hublinks.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.hublinks.catalog.LearnerEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** What each of eduMe's sample learner events (shared/edume-api/webhooks/learner/) tells the reminders, and what it cannot. */
class ProgressFactTest {

    static final Path SAMPLES = Path.of("src/test/resources/edume-api/webhooks/learner");
    final JsonMapper json = JsonMapper.builder().build();

    ProgressFact sample(String name) throws Exception {
        return ProgressFact.of(LearnerEvent.parse(json, Files.readAllBytes(SAMPLES.resolve(name))));
    }

    ProgressFact body(String body) {
        return ProgressFact.of(LearnerEvent.parse(json, body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theSamplesAreStepsOfACourseAndTheCourseKindOfActivityFinishedIsTheCompletion() throws Exception {
        assertThat(sample("learner.added.json")).isEqualTo(new ProgressFact("E1001", 123L, ProgressFact.Step.ENROLLED, null));
        assertThat(sample("learner.activated.json").step()).isEqualTo(ProgressFact.Step.ACTIVATED);
        assertThat(sample("learner.activity.started.json").step()).isEqualTo(ProgressFact.Step.STARTED);
        assertThat(sample("learner.activity.finished.json"))
                .isEqualTo(new ProgressFact("E1002", 123L, ProgressFact.Step.COMPLETED, null));
        assertThat(sample("learner.course.completed.json"))
                .isEqualTo(new ProgressFact("E1003", 126L, ProgressFact.Step.COMPLETED, null));
        // a lesson finished is progress on its course, which goes on
        assertThat(sample("learner.activity.finished.lesson.json"))
                .isEqualTo(new ProgressFact("E1003", 126L, ProgressFact.Step.STARTED, null));
    }

    @Test
    void aStandaloneSurveyIsNoCourseEventAndIsIgnoredNotUnusable() throws Exception {
        ProgressFact survey = sample("learner.activity.finished.survey.standalone.json");
        assertThat(survey.usable()).isFalse();
        assertThat(survey.problem()).isNull();
    }

    @Test
    void aMissingAssumedFieldMakesTheEventUnusableWithWhy() {
        assertThat(body("{\"type\":\"learner.course.completed\",\"payload\":{\"course\":{\"courseId\":123}},"
                + "\"timestamp\":\"2026-11-28T12:30:09.245Z\"}").problem()).isEqualTo("no payload.learner.externalUserId");
        assertThat(body("{\"type\":\"learner.added\",\"payload\":{\"learner\":{\"externalUserId\":\"E1\"}},"
                + "\"timestamp\":\"2026-11-28T12:30:09.245Z\"}").problem()).isEqualTo("no payload.course.courseId");
        assertThat(body("{\"type\":\"learner.activity.finished\",\"payload\":{\"learner\":{\"externalUserId\":\"E1\"},"
                + "\"course\":{\"courseId\":123}},\"timestamp\":\"2026-11-28T12:30:09.245Z\"}").problem())
                .startsWith("no payload.activityType");
        assertThat(body("{\"type\":\"learner.removed\",\"payload\":{\"learner\":{\"externalUserId\":\"E1\"},"
                + "\"course\":{\"courseId\":123}},\"timestamp\":\"2026-11-28T12:30:09.245Z\"}").problem())
                .isEqualTo("unknown event type learner.removed");
    }
}

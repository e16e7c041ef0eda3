package com.example.hublinks.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The body's one-line form is what JavaScript's {@code JSON.stringify(JSON.parse(body))} writes:
 * eduMe's learner samples signed that way (shared/edume-api/webhooks/learner/README.md, column 2).
 */
class OneLineJsonTest {

    static final Path LEARNER = EdumeStub.SAMPLES.resolve("webhooks/learner");
    final JsonMapper json = JsonMapper.builder().build();
    final WebhookSignature signature = new WebhookSignature("demo-webhook-secret");

    String oneLine(String body) {
        return new String(OneLineJson.of(json, body.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    @Test
    void theLearnerSamplesOneLineSignaturesAreTheReadmes() throws Exception {
        Map<String, String> readme = Map.of(
                "learner.added.json", "4c5e3fdce005b4b3133c9ee3415052e951438b8c9e3007b5e972e3c549d7116e",
                "learner.activated.json", "f11595915fc334d29d69491a8339169c15eda92d678679866f9ef127f579232e",
                "learner.activity.started.json", "484dec7e00bfa501812ac37e5a29c786cb84406d877cf9f0c899b3064b3baf6a",
                "learner.activity.finished.json", "4db9e6a027a3d7e08155b6903b48045fad5afe5ec27e8aada488c8e1ce6bf757",
                "learner.activity.finished.lesson.json", "8a5be549aeb401b801529eb217dce580cf26e51805cacd9bf6e80c5bc80d1431",
                "learner.activity.finished.survey.standalone.json",
                "beb08316b441cd76b10e0bd8040bab5a2addfbd79010fe60712bead381f0a9b3",
                "learner.course.completed.json", "eb603af3703081eefca6f6d85da654dec76dff1153a0d435e2d102caf9dbc0db");
        for (Map.Entry<String, String> sample : readme.entrySet()) {
            byte[] body = Files.readAllBytes(LEARNER.resolve(sample.getKey()));
            assertThat(signature.sign(OneLineJson.of(json, body))).as(sample.getKey()).isEqualTo(sample.getValue());
            assertThat(signature.sign(body)).as(sample.getKey()).isNotEqualTo(sample.getValue()); // pretty-printed
        }
    }

    @Test
    void keysKeepTheirOrderAndOnlyTheSpacesBetweenTokensGo() {
        assertThat(oneLine("{ \"z\" : 1,\n  \"a\" : [ 1, 2 , {\"b\": null} ],\"m\": \"x  y\", \"t\":true,\"f\":false,\"e\":{},\"l\":[]}"))
                .isEqualTo("{\"z\":1,\"a\":[1,2,{\"b\":null}],\"m\":\"x  y\",\"t\":true,\"f\":false,\"e\":{},\"l\":[]}");
    }

    @Test
    void stringsAreEscapedAsJavaScriptEscapesThem() {
        assertThat(oneLine("\"\\u00e9\\u20ac \\/ \\\" \\\\ \\n\\t\\r\\b\\f \\u0001 \\ud83d\\ude00 \\ud800\""))
                .isEqualTo("\"é€ / \\\" \\\\ \\n\\t\\r\\b\\f \\u0001 \uD83D\uDE00 \\ud800\"");
    }

    @Test
    void numbersArePrintedAsJavaScriptPrintsThem() {
        // what node prints for JSON.stringify(JSON.parse(the same text))
        assertThat(oneLine("[1.0, 1.50, -0, 0.0, 1e3, 1E21, 123456789012345678901234, 0.000001, 0.0000001, -2.5e-8,"
                + " 12345.678, 2e-7, 5e-324, 1.7976931348623157e308, 0.1, 100, 1e20]"))
                .isEqualTo("[1,1.5,0,0,1000,1e+21,1.2345678901234569e+23,0.000001,1e-7,-2.5e-8,12345.678,2e-7,5e-324,"
                        + "1.7976931348623157e+308,0.1,100,100000000000000000000]");
    }

    @Test
    void aBodyThatIsNotOneJsonValueIsRefused() {
        for (String body : new String[] {"", "{\"a\":", "{} {}", "not json"}) {
            assertThatThrownBy(() -> oneLine(body)).as(body).isInstanceOf(IllegalArgumentException.class);
        }
    }
}

package com.example.hublinks.catalog;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.example.hublinks.TestFiles;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Path;

/** WireMock standing in for eduMe's Public API, answering with the sample files of shared/edume-api/. */
public final class EdumeStub {

    public static final Path SAMPLES = Path.of("src/test/resources/edume-api");
    public static final String API_KEY = "test-api-key-0c5e9a";
    /**
     * A command line whose eduMe API key comes from the environment, as it must (a key given as
     * {@code --EDUME_API_KEY=…} is refused): Surefire sets this variable to {@link #API_KEY} (pom.xml).
     */
    public static String keyFromEnvironment() {
        return "--hublinks.catalog.api.key-env=" + variable("HUBLINKS_TEST_EDUME_API_KEY", API_KEY);
    }

    /** The variable Surefire sets to the webhook secret of the samples, {@code demo-webhook-secret}. */
    public static String webhookSecretVariable() {
        return variable("HUBLINKS_TEST_WEBHOOK_SECRET", "demo-webhook-secret");
    }

    private EdumeStub() {
    }

    public static String sample(String name) {
        return TestFiles.read(SAMPLES.resolve(name));
    }

    /** The sample company: groups 101 and 202, their teams and courses. */
    public static void sampleCatalog(WireMockServer eduMe) {
        eduMe.stubFor(get(urlPathEqualTo("/public/groups")).withQueryParam("groupId", absent())
                .withHeader("X-API-KEY", equalTo(API_KEY)).willReturn(okJson(sample("groups.json"))));
        for (String group : new String[] {"101", "202"}) {
            eduMe.stubFor(get(urlPathEqualTo("/public/groups")).withQueryParam("groupId", equalTo(group))
                    .withHeader("X-API-KEY", equalTo(API_KEY)).willReturn(okJson(sample("group-" + group + ".json"))));
            eduMe.stubFor(get(urlPathEqualTo("/public/courses")).withQueryParam("groupId", equalTo(group))
                    .withHeader("X-API-KEY", equalTo(API_KEY)).willReturn(okJson(sample("courses-" + group + ".json"))));
        }
    }

    private static String variable(String name, String value) {
        if (!value.equals(System.getenv(name))) {
            throw new IllegalStateException(name + " is not set to " + value + ": run the tests with Maven"
                    + " (Surefire sets it, pom.xml), or set it yourself");
        }
        return name;
    }
}

package com.example.hublinks.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LinkSignerTest {

    static final String VECTOR_SECRET = "c4e867ae-bc05-11ec-8422-0242ac120002";

    private final LinkSigner signer = new LinkSigner(new LinkFormat("https://learn.edume.com"),
            new SigningSecret(VECTOR_SECRET, "test"));

    @ParameterizedTest(name = "DESIGN vector {0}")
    @CsvSource({
            "https://learn.edume.com/e/d/?g=12345&e=employee-id, eba5e251dfbc677af0f12628eed30a307ec4d8d94f970c207ea8cf699fe58811",
            "https://learn.edume.com/e/m/24512?g=12345&e=employee-id, ed0cb0a2a5ca26218a924af2659423c522938596313ca5644c7e45782bf81dad",
            "https://learn.edume.com/e/c/123?g=5&e=abc123, 63322bc9065484b95b8cd9dc9fa869559f22533784779ba7c233a16b1686a410"})
    void signsTheDesignVectors(String url, String sig) {
        assertThat(signer.signature(url)).isEqualTo(sig);
        assertThat(signer.sign(url)).isEqualTo(url + "&sig=" + sig);
    }

    @Test
    void buildsTheDesignVectorLinksFromTheirParts() {
        assertThat(signer.link(LinkTarget.dashboard(List.of(12345L)), "employee-id")).isEqualTo(
                "https://learn.edume.com/e/d/?g=12345&e=employee-id&sig=eba5e251dfbc677af0f12628eed30a307ec4d8d94f970c207ea8cf699fe58811");
        assertThat(signer.link(new LinkTarget(LinkKind.MODULE, "24512", List.of(12345L)), "employee-id")).isEqualTo(
                "https://learn.edume.com/e/m/24512?g=12345&e=employee-id&sig=ed0cb0a2a5ca26218a924af2659423c522938596313ca5644c7e45782bf81dad");
        assertThat(signer.link(new LinkTarget(LinkKind.COURSE, "123", List.of(5L)), "abc123")).isEqualTo(
                "https://learn.edume.com/e/c/123?g=5&e=abc123&sig=63322bc9065484b95b8cd9dc9fa869559f22533784779ba7c233a16b1686a410");
    }

    /** Expected URLs and signatures computed independently with Node.js (encodeURIComponent-like RFC 3986 + crypto.createHmac). */
    @ParameterizedTest(name = "user id {0}")
    @CsvSource(delimiter = '|', value = {
            "john smith|https://learn.edume.com/e/d/?g=5,7&e=john%20smith|e3a3a90614a567639de78e49d8675326edd1d695c30604a89e2c60450a7349fa",
            "abc&g=999|https://learn.edume.com/e/d/?g=5,7&e=abc%26g%3D999|0fe54b30bc6adb9fa9fdc34a4ee98f57d53de2d603fd4ebe0185a7de697e473e",
            "a=b|https://learn.edume.com/e/d/?g=5,7&e=a%3Db|9379a4ac4eb34ac0cc97f7d79d076fc7d20a0922f35562b7a354cdc55f36b5da",
            "tag#1|https://learn.edume.com/e/d/?g=5,7&e=tag%231|177e16838ea81497c1564e5570d5988816138d306276059d2e629fcf4d4a558b",
            "100%|https://learn.edume.com/e/d/?g=5,7&e=100%25|59574836112dc59525b5dc19c9a7044a905c11cb282df068d3ede2f4f50f3f83",
            "a+b|https://learn.edume.com/e/d/?g=5,7&e=a%2Bb|8e3dd33373df6858a71aba7cf43006242f5ea12d246a37068b4550a6948280f7",
            "o'brien|https://learn.edume.com/e/d/?g=5,7&e=o%27brien|2e4ab4d9158067934aaca6409ab96e9b58d30359c98f44d820b268315e77b3b6",
            "René|https://learn.edume.com/e/d/?g=5,7&e=Ren%C3%A9|74069d42c1e1e12372d5983605d8317adae63a19068eb3690329c3543142772c",
            "Zoë Ünal|https://learn.edume.com/e/d/?g=5,7&e=Zo%C3%AB%20%C3%9Cnal|f5dc63e4fc1b47b75b0915e497ae94870582e97f9f3e4f3991bbe09ac58cff2a",
            "北京|https://learn.edume.com/e/d/?g=5,7&e=%E5%8C%97%E4%BA%AC|f003f35d54c60819398edfcc36442bfb603d873db11d7e142646dcf56a4ce29d"})
    void encodesAndSignsAwkwardUserIds(String user, String url, String sig) {
        assertThat(signer.link(LinkTarget.dashboard(List.of(5L, 7L)), user)).isEqualTo(url + "&sig=" + sig);
    }

    @Test
    void anIdCannotAddOrChangeAParameter() {
        String link = signer.link(LinkTarget.dashboard(List.of(5L)), "abc&g=999");
        assertThat(link).contains("e=abc%26g%3D999").doesNotContain("g=999");
    }

    @Test
    void formatsEveryKind() {
        LinkFormat format = new LinkFormat("https://learn.edume.com/");
        assertThat(format.unsignedUrl(new LinkTarget(LinkKind.KNOWLEDGE_HUB, "hub-1", List.of()), "u1"))
                .isEqualTo("https://learn.edume.com/e/kh/hub-1?e=u1");
        assertThat(format.unsignedUrl(new LinkTarget(LinkKind.LESSON, "9", List.of(1L)), "u1"))
                .isEqualTo("https://learn.edume.com/e/l/9?g=1&e=u1");
        assertThat(format.unsignedUrl(new LinkTarget(LinkKind.SURVEY, "9", List.of(1L)), "u1"))
                .isEqualTo("https://learn.edume.com/e/s/9?g=1&e=u1");
        assertThat(format.unsignedUrl(new LinkTarget(LinkKind.GUIDE, "9", List.of(1L, 3L, 5L)), "u1"))
                .isEqualTo("https://learn.edume.com/e/gd/9?g=1,3,5&e=u1");
    }

    @Test
    void refusesLinksMissingTheirTeamOrTarget() {
        assertThatThrownBy(() -> LinkTarget.dashboard(List.of())).hasMessageContaining("team");
        assertThatThrownBy(() -> new LinkTarget(LinkKind.COURSE, "", List.of(5L))).hasMessageContaining("target");
    }

    @Test
    void theSecretNeverShowsInItsStringForm() {
        assertThat(new SigningSecret(VECTOR_SECRET, "env").toString()).doesNotContain(VECTOR_SECRET).contains("redacted");
    }

    @Test
    void signsConsistentlyFromManyThreads() throws Exception {
        String url = "https://learn.edume.com/e/c/123?g=5&e=abc123";
        List<Thread> threads = new java.util.ArrayList<>();
        java.util.Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 2000; i++) {
                    seen.add(signer.signature(url));
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(seen).containsExactly("63322bc9065484b95b8cd9dc9fa869559f22533784779ba7c233a16b1686a410");
    }
}

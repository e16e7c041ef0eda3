package com.example.hublinks.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinkVerifierTest {

    private static final String GOOD =
            "https://learn.edume.com/e/c/123?g=5&e=abc123&sig=63322bc9065484b95b8cd9dc9fa869559f22533784779ba7c233a16b1686a410";

    private final LinkVerifier verifier = new LinkVerifier(new LinkSigner(new LinkFormat("https://learn.edume.com"),
            new SigningSecret(LinkSignerTest.VECTOR_SECRET, "test")));

    @Test
    void acceptsACorrectlySignedLinkAndReadsItsParts() {
        LinkInspection inspection = verifier.inspect(GOOD);
        assertThat(inspection.good()).isTrue();
        assertThat(inspection.kind()).isEqualTo(LinkKind.COURSE);
        assertThat(inspection.targetId()).isEqualTo("123");
        assertThat(inspection.teams()).containsExactly(5L);
        assertThat(inspection.externalUserId()).isEqualTo("abc123");
    }

    @Test
    void decodesTheUserId() {
        assertThat(verifier.inspect("https://learn.edume.com/e/d/?g=5,7&e=Ren%C3%A9&sig="
                + "74069d42c1e1e12372d5983605d8317adae63a19068eb3690329c3543142772c").externalUserId()).isEqualTo("René");
    }

    @Test
    void rejectsATamperedUser() {
        assertThat(verifier.inspect(GOOD.replace("e=abc123", "e=abc124")).problems())
                .anySatisfy(p -> assertThat(p).startsWith("bad signature"));
    }

    @Test
    void rejectsATamperedTeam() {
        assertThat(verifier.inspect(GOOD.replace("g=5", "g=6")).good()).isFalse();
    }

    @Test
    void explainsWhatIsMissing() {
        assertThat(verifier.inspect("https://learn.edume.com/e/c/123?g=5&e=abc123").problems())
                .containsExactly("missing sig (the signature)");
        assertThat(verifier.inspect("https://learn.edume.com/e/c/123?g=5&sig=" + "0".repeat(64)).problems())
                .contains("missing e (the learner's external user id)");
        assertThat(verifier.inspect("https://learn.edume.com/e/c/123?e=abc123&sig=" + "0".repeat(64)).problems())
                .contains("missing g (the team the learner joins)");
    }

    @Test
    void flagsAnInjectedParameter() {
        LinkSigner signer = new LinkSigner(new LinkFormat("https://learn.edume.com"),
                new SigningSecret(LinkSignerTest.VECTOR_SECRET, "test"));
        String forged = signer.sign("https://learn.edume.com/e/d/?g=5&e=abc&g=999");
        assertThat(verifier.inspect(forged).problems()).contains("parameter g appears twice");
    }

    @Test
    void rejectsALinkSignedWithAnotherSecret() {
        LinkSigner other = new LinkSigner(new LinkFormat("https://learn.edume.com"), new SigningSecret("other", "test"));
        assertThat(verifier.inspect(other.link(LinkTarget.dashboard(List.of(5L)), "abc")).good()).isFalse();
    }

    @Test
    void saysWhenTheTextIsNotASeamlessLink() {
        assertThat(verifier.inspect("hello").problems()).singleElement().asString().startsWith("not a seamless link");
    }
}

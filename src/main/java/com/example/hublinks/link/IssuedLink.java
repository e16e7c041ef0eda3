package com.example.hublinks.link;

/** One signed link of one learner: what it points at and the final URL. */
public record IssuedLink(LinkKind kind, String targetId, String url) {

    /** The learner's links are keyed by kind and target: one dashboard link, one per course… */
    public String key() {
        return kind.settingName() + "/" + targetId;
    }
}

package com.example.hublinks.catalog;

/** Which of eduMe's documented forms of authentication a delivery passed: the receiver logs it. */
public enum WebhookProof {

    RAW_BODY_SIGNATURE("x-edume-signature over the raw body"),
    ONE_LINE_SIGNATURE("x-edume-signature over the body's one-line JSON form"),
    BEARER_TOKEN("bearer token");

    private final String description;

    WebhookProof(String description) {
        this.description = description;
    }

    @Override
    public String toString() {
        return description;
    }
}

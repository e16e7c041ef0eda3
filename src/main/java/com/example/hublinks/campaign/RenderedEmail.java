package com.example.hublinks.campaign;

/** One learner's email, rendered from the campaign's templates: what comms preview and what is sent. */
public record RenderedEmail(String to, String subject, String text, String html) {
}

package com.example.hublinks.web;

/**
 * The web process's names the command line needs. {@code hublinks serve} runs with the Spring
 * profile {@value #SERVE_PROFILE}: HR's pages, sign-in and the nights, on top of what every web
 * process has (the webhook endpoint and the health probes). {@code hublinks webhooks} runs without
 * it, so its server has the webhook endpoint only.
 */
public final class WebProcess {

    public static final String SERVE_PROFILE = "serve";
    public static final String WEBHOOKS_PATH = "/webhooks/edume";

    private WebProcess() {
    }
}

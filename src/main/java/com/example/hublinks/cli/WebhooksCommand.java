package com.example.hublinks.cli;

import com.example.hublinks.web.WebProcess;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;

/**
 * {@code hublinks webhooks jobs/NAME.yml [--port N]}: receives eduMe's webhooks until stopped
 * (SIGTERM / Ctrl-C) — the web process of {@code hublinks serve} with only its webhook endpoint
 * (and the health probes). Events are stored; the next night with {@code catalog.source:
 * webhooks} applies the course events.
 */
@Command(name = "webhooks", description = "Receive eduMe's webhooks on POST /webhooks/edume (signature checked with"
        + " the secret in EDUME_WEBHOOK_SECRET, or a bearer token) and store them for the next night: the webhook"
        + " endpoint of 'serve' alone. --port N (default hublinks.catalog.webhooks.port, 8080).")
class WebhooksCommand extends WebCommand {

    @Override
    String portSetting() {
        return "hublinks.catalog.webhooks.port";
    }

    @Override
    String listening(ConfigurableApplicationContext context, int port) {
        return "receiving eduMe webhooks on port " + port + " at " + WebProcess.WEBHOOKS_PATH;
    }
}

package com.example.hublinks.cli;

import com.example.hublinks.HublinksProperties;
import com.example.hublinks.SettingsException;
import com.example.hublinks.catalog.WebhookEventRepository;
import com.example.hublinks.catalog.WebhookServer;
import com.example.hublinks.catalog.WebhookSignature;
import java.net.BindException;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code hublinks webhooks jobs/NAME.yml [--port N]}: receives eduMe's course webhooks until
 * stopped (SIGTERM / Ctrl-C). Events are stored; the next night with {@code catalog.source:
 * webhooks} applies them.
 */
@Command(name = "webhooks", description = "Receive eduMe's course webhooks on POST /webhooks/edume (signature"
        + " checked with the secret in EDUME_WEBHOOK_SECRET) and store them for the next night.")
class WebhooksCommand extends JobCommand {

    @Option(names = "--port", paramLabel = "N", description = "Port to listen on (default hublinks.catalog.webhooks.port, 8080)")
    Integer port;

    @Override
    int run(ConfigurableApplicationContext context) throws Exception {
        HublinksProperties.Webhooks settings = context.getBean(HublinksProperties.class).catalog().webhooks();
        int wanted = port != null ? port : settings.port();
        if (wanted < 0 || wanted > 65535) {
            throw new SettingsException("--port", "must be between 0 and 65535, was " + wanted);
        }
        try (WebhookServer server = new WebhookServer(context.getBean(WebhookSignature.class),
                context.getBean(WebhookEventRepository.class), context.getBean(JsonMapper.class),
                settings.maxBodyBytes(), context.getBean(Clock.class))) {
            int listening;
            try {
                listening = server.start(wanted);
            } catch (BindException e) {
                throw new SettingsException("--port", "cannot listen on port " + wanted + ": " + e.getMessage());
            }
            commandLine().getOut().println("hublinks: receiving eduMe webhooks on port " + listening
                    + " at " + WebhookServer.PATH + "; stop with Ctrl-C or SIGTERM");
            commandLine().getOut().flush();
            new CountDownLatch(1).await(); // until the JVM is stopped, or the thread interrupted
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}

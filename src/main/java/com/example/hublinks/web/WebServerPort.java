package com.example.hublinks.web;

import com.example.hublinks.catalog.CatalogSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * The port the web process listens on: {@code hublinks.serve.port} for {@code hublinks serve},
 * {@code hublinks.catalog.webhooks.port} for {@code hublinks webhooks} (both 8080 unless set, or
 * {@code --port}). The connector's timeouts and limits are {@code server.*} settings in application.yml.
 */
@Component
@ConditionalOnWebApplication
class WebServerPort implements WebServerFactoryCustomizer<ConfigurableWebServerFactory> {

    private final int port;

    WebServerPort(CatalogSettings catalog, ServeSettings serve, Environment environment) {
        this.port = environment.acceptsProfiles(Profiles.of(WebProcess.SERVE_PROFILE)) ? serve.port()
                : catalog.webhooks().port();
    }

    @Override
    public void customize(ConfigurableWebServerFactory factory) {
        factory.setPort(port);
    }
}

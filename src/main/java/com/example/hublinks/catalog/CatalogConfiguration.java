package com.example.hublinks.catalog;

import com.example.hublinks.HublinksProperties;
import com.example.hublinks.SettingsException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

/**
 * The eduMe API client and the webhook secret; lazy, so a night on a snapshot needs no API key
 * and only the webhook receiver needs the webhook secret. Both are read from the environment
 * variables the job definition names, never from the definition itself.
 */
@Configuration(proxyBeanMethods = false)
public class CatalogConfiguration {

    @Bean
    @Lazy
    public EdumeApiClient edumeApiClient(HublinksProperties properties, Environment environment, JsonMapper json) {
        HublinksProperties.Api api = properties.catalog().api();
        String key = environment.getProperty(api.keyEnv());
        if (key == null || key.isBlank()) {
            throw new SettingsException("hublinks.catalog.api.key-env", "no eduMe API key: set the environment variable "
                    + api.keyEnv() + " (eduMe: Settings > Company Settings > API Key)");
        }
        return new EdumeApiClient(api, key.strip(), json);
    }

    @Bean
    @Lazy
    public WebhookSignature webhookSignature(HublinksProperties properties, Environment environment) {
        String variable = properties.catalog().webhooks().secretEnv();
        String secret = environment.getProperty(variable);
        if (secret == null || secret.isBlank()) {
            throw new SettingsException("hublinks.catalog.webhooks.secret-env", "no webhook secret: set the environment"
                    + " variable " + variable + " to the secret eduMe signs its webhooks with");
        }
        return new WebhookSignature(secret.strip());
    }
}

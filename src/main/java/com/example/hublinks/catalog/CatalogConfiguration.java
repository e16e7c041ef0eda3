package com.example.hublinks.catalog;

import com.example.hublinks.support.SettingsException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

/**
 * The eduMe API client and the webhook secret; lazy, so a night on a snapshot needs no API key
 * and only the webhook receiver needs the webhook secret (or token). Both are read from the environment
 * variables the job definition names, never from the definition itself.
 */
@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

    @Bean
    @Lazy
    public EdumeApiClient edumeApiClient(CatalogSettings catalog, Environment environment, JsonMapper json) {
        CatalogSettings.Api api = catalog.api();
        String key = environment.getProperty(api.keyEnv());
        if (key == null || key.isBlank()) {
            throw new SettingsException("hublinks.catalog.api.key-env", "no eduMe API key: set the environment variable "
                    + api.keyEnv() + " (eduMe: Settings > Company Settings > API Key)");
        }
        return new EdumeApiClient(api, key.strip(), json);
    }

    @Bean
    @Lazy
    public WebhookSignature webhookSignature(CatalogSettings catalog, Environment environment) {
        String variable = catalog.webhooks().secretEnv();
        String secret = environment.getProperty(variable);
        if (secret == null || secret.isBlank()) {
            throw new SettingsException("hublinks.catalog.webhooks.secret-env", "no webhook secret: set the environment"
                    + " variable " + variable + " to the secret eduMe signs its webhooks with (or name the variable holding"
                    + " eduMe's bearer token in hublinks.catalog.webhooks.token-env)");
        }
        return new WebhookSignature(secret.strip());
    }

    /**
     * The webhook receiver's check: the secret's signature, the bearer token from the variable
     * {@code token-env} names, or both. A {@code token-env} naming an empty variable is a settings
     * problem, and so is neither being set.
     */
    @Bean
    @Lazy
    public WebhookAuthentication webhookAuthentication(CatalogSettings catalog, Environment environment,
                                                       ObjectProvider<WebhookSignature> signature, JsonMapper json) {
        CatalogSettings.Webhooks settings = catalog.webhooks();
        String token = null;
        if (settings.tokenEnv() != null) {
            token = environment.getProperty(settings.tokenEnv());
            if (token == null || token.isBlank()) {
                throw new SettingsException("hublinks.catalog.webhooks.token-env", "no bearer token: set the environment"
                        + " variable " + settings.tokenEnv() + " to the token eduMe sends as Authorization: Bearer");
            }
        }
        String secret = environment.getProperty(settings.secretEnv());
        boolean signed = secret != null && !secret.isBlank();
        return new WebhookAuthentication(signed || token == null ? signature.getObject() : null,
                token == null ? null : token.strip(), json);
    }
}

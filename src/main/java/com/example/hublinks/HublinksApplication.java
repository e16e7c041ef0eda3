package com.example.hublinks;

import com.example.hublinks.cli.HublinksCommand;
import java.time.Clock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * hublinks: signs personalised eduMe seamless links for a learner roster, every night.
 * <p>
 * Without the auto-configurations that come with the starters but that no command uses (hublinks
 * builds its own HTTP client, Mustache compilers and threads): each costs every command's start
 * its condition checks and beans.
 */
@SpringBootApplication(proxyBeanMethods = false, excludeName = {
        "org.springframework.boot.mustache.autoconfigure.MustacheAutoConfiguration",
        "org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration",
        "org.springframework.boot.restclient.autoconfigure.RestClientObservationAutoConfiguration",
        "org.springframework.boot.restclient.autoconfigure.RestTemplateAutoConfiguration",
        "org.springframework.boot.restclient.autoconfigure.RestTemplateObservationAutoConfiguration",
        "org.springframework.boot.restclient.autoconfigure.service.HttpServiceClientAutoConfiguration",
        "org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration",
        "org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration",
        "org.springframework.boot.http.client.autoconfigure.metrics.HttpClientMetricsAutoConfiguration",
        "org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration",
        "org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration",
        "org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration",
        "org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration",
        "org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration",
        "org.springframework.boot.autoconfigure.info.ProjectInfoAutoConfiguration",
        "org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration"})
@ConfigurationPropertiesScan
public class HublinksApplication {

    public static void main(String[] args) {
        System.exit(HublinksCommand.execute(args));
    }

    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}

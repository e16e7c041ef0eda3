package com.example.hublinks;

import java.util.List;
import java.util.Set;
import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * The batch commands ({@code spring.main.web-application-type: none}) do not even consider the
 * auto-configuration of the web stack that {@code hublinks serve} brings (Tomcat, Spring MVC,
 * Spring Security, the health probes): they start as fast as before it was on the class path.
 * Nor that of what only a web process uses, or no command does (hublinks builds its own HTTP
 * client, Mustache compilers and threads): HTTP clients and message converters, Mustache views,
 * Spring's task executor and scheduler, SSL bundles, availability, project info, JdbcClient —
 * about 8% of a no-op night's CPU.
 */
public final class WebStackFilter implements AutoConfigurationImportFilter, EnvironmentAware {

    private static final List<String> WEB_STACK = List.of("org.springframework.boot.actuate.",
            "org.springframework.boot.health.", "org.springframework.boot.security.", "org.springframework.boot.tomcat.",
            "org.springframework.boot.webmvc.", "org.springframework.boot.servlet.", "org.springframework.boot.web.server.");

    private static final Set<String> WEB_ONLY = Set.of(
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
            "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration");

    private boolean web = true;

    @Override
    public void setEnvironment(Environment environment) {
        web = !"none".equalsIgnoreCase(environment.getProperty("spring.main.web-application-type", "servlet").strip());
    }

    @Override
    public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
        boolean[] match = new boolean[autoConfigurationClasses.length];
        for (int i = 0; i < match.length; i++) {
            String name = autoConfigurationClasses[i];
            match[i] = web || name == null || (WEB_STACK.stream().noneMatch(name::startsWith)
                    && !name.contains(".autoconfigure.health.") // e.g. the DataSource's health contributor
                    && !WEB_ONLY.contains(name));
        }
        return match;
    }
}

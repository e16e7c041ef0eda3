package com.example.hublinks;

import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * The batch commands ({@code spring.main.web-application-type: none}) do not even consider the
 * auto-configuration of the web stack that {@code hublinks serve} brings (Tomcat, Spring MVC,
 * Spring Security, the health probes): they start as fast as before it was on the class path.
 */
public final class WebStackFilter implements AutoConfigurationImportFilter, EnvironmentAware {

    private static final List<String> WEB_STACK = List.of("org.springframework.boot.actuate.",
            "org.springframework.boot.health.", "org.springframework.boot.security.", "org.springframework.boot.tomcat.",
            "org.springframework.boot.webmvc.", "org.springframework.boot.servlet.", "org.springframework.boot.web.server.");

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
                    && !name.contains(".autoconfigure.health.")); // e.g. the DataSource's health contributor
        }
        return match;
    }
}

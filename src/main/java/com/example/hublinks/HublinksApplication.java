package com.example.hublinks;

import java.time.Clock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * hublinks' Spring application: every feature's beans, started by the command line for the
 * commands that need them ({@code cli.HublinksCommand} holds {@code main}, so that nothing here
 * imports the command line that starts it).
 */
@SpringBootApplication(proxyBeanMethods = false)
@ConfigurationPropertiesScan
public class HublinksApplication {

    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}

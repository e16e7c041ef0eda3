package com.example.hublinks;

import com.example.hublinks.cli.HublinksCommand;
import java.time.Clock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** hublinks: signs personalised eduMe seamless links for a learner roster, every night. */
@SpringBootApplication(proxyBeanMethods = false)
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

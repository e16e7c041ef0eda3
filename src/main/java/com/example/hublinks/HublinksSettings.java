package com.example.hublinks;

import com.example.hublinks.campaign.CampaignSettings;
import com.example.hublinks.catalog.CatalogSettings;
import com.example.hublinks.link.LinkSettings;
import com.example.hublinks.ops.OpsSettings;
import com.example.hublinks.reminder.ReminderSettings;
import com.example.hublinks.roster.GuardSettings;
import com.example.hublinks.roster.RosterSettings;
import com.example.hublinks.scale.ScaleSettings;
import com.example.hublinks.support.JobSettings;
import com.example.hublinks.support.ProgressLogs;
import com.example.hublinks.web.ServeSettings;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Each feature's settings record as a bean of its own, so that a class takes the settings it uses
 * and nothing imports the root's {@link HublinksProperties}. All of them are bound, and checked,
 * together when the application starts. And the steps' progress logs, which the features below
 * {@code ops} make with its {@code progress-every}.
 */
@Configuration(proxyBeanMethods = false)
class HublinksSettings {

    @Bean
    JobSettings jobSettings(HublinksProperties properties) {
        return properties.job();
    }

    @Bean
    RosterSettings rosterSettings(HublinksProperties properties) {
        return properties.roster();
    }

    @Bean
    CatalogSettings catalogSettings(HublinksProperties properties) {
        return properties.catalog();
    }

    @Bean
    LinkSettings linkSettings(HublinksProperties properties) {
        return properties.links();
    }

    @Bean
    GuardSettings guardSettings(HublinksProperties properties) {
        return properties.guard();
    }

    @Bean
    CampaignSettings campaignSettings(HublinksProperties properties) {
        return properties.campaign();
    }

    @Bean
    OpsSettings opsSettings(HublinksProperties properties) {
        return properties.ops();
    }

    @Bean
    ScaleSettings scaleSettings(HublinksProperties properties) {
        return properties.scale();
    }

    @Bean
    ServeSettings serveSettings(HublinksProperties properties) {
        return properties.serve();
    }

    @Bean
    ReminderSettings reminderSettings(HublinksProperties properties) {
        return properties.reminders();
    }

    @Bean
    ProgressLogs progressLogs(HublinksProperties properties, Clock clock) {
        return new ProgressLogs(properties.ops().progressEvery(), clock);
    }
}

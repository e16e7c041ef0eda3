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
import com.example.hublinks.web.ServeSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every setting of one nightly job (DESIGN §5), bound from the job definition
 * ({@code jobs/NAME.yml}), {@code --key=value} arguments and {@code HUBLINKS_*} variables: each
 * feature's own record, checked where it is declared. Unknown keys are refused so that a typo
 * fails the start with the key's name instead of being silently ignored. Secrets are never
 * settings: only the names of the variables or files holding them.
 */
@ConfigurationProperties(prefix = "hublinks", ignoreUnknownFields = false)
public record HublinksProperties(@DefaultValue JobSettings job, @DefaultValue RosterSettings roster,
                                 @DefaultValue CatalogSettings catalog, @DefaultValue LinkSettings links,
                                 @DefaultValue GuardSettings guard, @DefaultValue CampaignSettings campaign,
                                 @DefaultValue OpsSettings ops, @DefaultValue ScaleSettings scale,
                                 @DefaultValue ServeSettings serve, @DefaultValue ReminderSettings reminders) {
}

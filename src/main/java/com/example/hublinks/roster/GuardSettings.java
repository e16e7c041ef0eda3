package com.example.hublinks.roster;

import com.example.hublinks.support.SettingsException;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code hublinks.guard.*}: when tonight's roster looks broken and is not published (DESIGN §2, guard). */
public record GuardSettings(@DefaultValue("1") int minRows, @DefaultValue("0.2") double maxShrink,
                            @DefaultValue("0.05") double maxRejectShare) {
    public GuardSettings {
        if (minRows < 0) {
            throw new SettingsException("hublinks.guard.min-rows", "must be 0 or more, was " + minRows);
        }
        if (maxShrink < 0 || maxShrink > 1) {
            throw new SettingsException("hublinks.guard.max-shrink", "must be between 0 and 1, was " + maxShrink);
        }
        if (maxRejectShare < 0 || maxRejectShare > 1) {
            throw new SettingsException("hublinks.guard.max-reject-share", "must be between 0 and 1, was " + maxRejectShare);
        }
    }
}

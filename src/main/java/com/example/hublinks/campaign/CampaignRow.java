package com.example.hublinks.campaign;

import com.example.hublinks.link.IssuedLink;
import com.example.hublinks.roster.Learner;

/** One line of tonight's campaign: a learner, one of their links and the link's state. */
public record CampaignRow(Learner learner, IssuedLink link, String state) {
}

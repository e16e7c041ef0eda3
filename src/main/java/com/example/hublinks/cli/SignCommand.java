package com.example.hublinks.cli;

import com.example.hublinks.link.LinkKind;
import com.example.hublinks.link.LinkSettings;
import com.example.hublinks.link.LinkSigner;
import com.example.hublinks.link.LinkTarget;
import com.example.hublinks.support.SettingsException;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hublinks sign jobs/NAME.yml --user ID [--team T[,T…]] [--kind K] [--target ID]}: one link, by hand. */
@Command(name = "sign", description = "Print one signed seamless link, with the job definition's secret and base URL.")
class SignCommand extends JobCommand {

    @Option(names = "--user", required = true, paramLabel = "ID", description = "The learner's external user id")
    String user;

    @Option(names = "--team", paramLabel = "T[,T...]", description = "Team id(s) the learner joins")
    String teams;

    @Option(names = "--kind", paramLabel = "KIND",
            description = "dashboard, knowledge-hub, course, module, lesson, survey or guide (default: the job's)")
    String kind;

    @Option(names = "--target", paramLabel = "ID", description = "Course, module, lesson, survey, guide or hub id")
    String target;

    @Override
    int run(ConfigurableApplicationContext context) {
        LinkSettings links = context.getBean(LinkSettings.class);
        LinkKind linkKind;
        try {
            linkKind = kind == null ? links.kind() : LinkKind.fromSettingName(kind);
        } catch (IllegalArgumentException e) {
            throw new SettingsException("--kind", e.getMessage());
        }
        String targetId = target != null ? target : linkKind == LinkKind.KNOWLEDGE_HUB ? links.hubId() : "";
        List<Long> teamIds = parseTeams();
        if (linkKind.needsTeams() && teamIds.isEmpty()) {
            throw new SettingsException("--team", "a " + linkKind.settingName() + " link needs the team(s) to join");
        }
        if (linkKind.needsTarget() && (targetId == null || targetId.isBlank())) {
            throw new SettingsException("--target", "a " + linkKind.settingName() + " link needs the id it points at");
        }
        LinkSigner signer = context.getBean(LinkSigner.class);
        commandLine().getOut().println(signer.link(new LinkTarget(linkKind, targetId, teamIds), user));
        return 0;
    }

    private List<Long> parseTeams() {
        if (teams == null || teams.isBlank()) {
            return List.of();
        }
        try {
            return Arrays.stream(teams.split(",")).map(String::strip).map(Long::valueOf).toList();
        } catch (NumberFormatException e) {
            throw new SettingsException("--team", "'" + teams + "' must be team ids separated by commas");
        }
    }
}

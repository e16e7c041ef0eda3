package com.example.hublinks.cli;

import com.example.hublinks.catalog.Catalog;
import com.example.hublinks.catalog.CatalogRepository;
import com.example.hublinks.catalog.CatalogSnapshot;
import com.example.hublinks.link.LinkInspection;
import com.example.hublinks.link.LinkKind;
import com.example.hublinks.link.LinkVerifier;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code hublinks verify jobs/NAME.yml LINK}: support's tool for "my link does not take me to the
 * right place". Exit 0 when the link is well-formed and correctly signed (catalog findings are
 * warnings), 1 when it is not.
 */
@Command(name = "verify", description = "Check a seamless link's signature and explain what is wrong with it.")
class VerifyCommand extends JobCommand {

    @Parameters(index = "1", paramLabel = "LINK", description = "The link, in quotes")
    String link;

    @Override
    int run(ConfigurableApplicationContext context) {
        LinkInspection inspection = context.getBean(LinkVerifier.class).inspect(link);
        PrintWriter out = commandLine().getOut();
        out.println("learner: " + (inspection.externalUserId() == null ? "(none)" : inspection.externalUserId()));
        out.println("kind:    " + (inspection.kind() == null ? "(unknown)" : inspection.kind().settingName()
                + (inspection.targetId().isEmpty() ? "" : " " + inspection.targetId())));
        out.println("teams:   " + (inspection.teams().isEmpty() ? "(none)" : inspection.teams()));
        inspection.problems().forEach(problem -> out.println("problem: " + problem));
        catalogWarnings(inspection, context.getBean(CatalogRepository.class)).forEach(w -> out.println("warning: " + w));
        out.println(inspection.good() ? "OK: the link is well-formed and its signature is right"
                : "BAD: the link will not log the learner in as it is");
        return inspection.good() ? 0 : 1;
    }

    private static List<String> catalogWarnings(LinkInspection inspection, CatalogRepository repository) {
        CatalogSnapshot stored = repository.load();
        if (stored.teams().isEmpty()) {
            return List.of("the catalog is empty (no night has run yet): teams and courses were not checked");
        }
        Catalog catalog = new Catalog(stored, Map.of());
        List<String> warnings = new ArrayList<>();
        inspection.teams().stream().filter(team -> !catalog.hasTeam(team))
                .forEach(team -> warnings.add("team " + team + " is not an active team in the eduMe catalog"));
        if (inspection.kind() == LinkKind.COURSE && inspection.targetId().matches("\\d{1,18}")) {
            CatalogSnapshot.Course course = catalog.course(Long.parseLong(inspection.targetId()));
            if (course == null) {
                warnings.add("course " + inspection.targetId() + " is not in the eduMe catalog");
            } else if (!course.published()) {
                warnings.add("course " + inspection.targetId() + " (" + course.title() + ") is unpublished");
            }
        }
        return warnings;
    }
}

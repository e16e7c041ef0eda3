package com.example.hublinks.cli;

import com.example.hublinks.campaign.CampaignSettings;
import com.example.hublinks.campaign.EmailPreview;
import com.example.hublinks.support.JobSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hublinks preview jobs/NAME.yml --user ID [--out DIR]}: one learner's campaign email, as files. */
@Command(name = "preview", description = "Write the campaign email one learner would get (HTML and text files),"
        + " from the job's templates, their live link and the last roster read.")
class PreviewCommand extends JobCommand {

    @Option(names = "--user", required = true, paramLabel = "ID", description = "The learner's external user id")
    String user;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder for the files (default: OUT-DIR/JOB/preview)")
    Path out;

    @Override
    int run(ConfigurableApplicationContext context) {
        String job = context.getBean(JobSettings.class).name();
        Path dir = out != null ? out : context.getBean(CampaignSettings.class).outDir().resolve(job).resolve("preview");
        PrintWriter console = commandLine().getOut();
        for (EmailPreview.Preview preview : context.getBean(EmailPreview.class).write(user, dir)) {
            console.println("To:      " + preview.email().to());
            console.println("Subject: " + preview.email().subject());
            console.println("HTML:    " + preview.html());
            console.println("Text:    " + preview.text());
        }
        return 0;
    }
}

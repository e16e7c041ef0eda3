package com.example.hublinks.cli;

import com.example.hublinks.HublinksProperties;
import com.example.hublinks.SettingsException;
import com.example.hublinks.job.PartitionWorker;
import com.example.hublinks.link.LinkSigner;
import java.util.Locale;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;

/**
 * {@code hublinks worker jobs/NAME.yml}: runs the {@code signLinks} partitions of this job's remote
 * nights ({@code hublinks.scale.mode: remote}) that {@code hublinks run} sends through the shared
 * PostgreSQL, until stopped (SIGTERM / Ctrl-C). It takes no run lock: the manager holds it.
 */
@Command(name = "worker", description = "Sign links for the partitions of remote nights (hublinks.scale.mode:"
        + " remote) that 'run' sends through the shared PostgreSQL database, until stopped with Ctrl-C or SIGTERM"
        + " (the partition in progress is finished first). Start it with the same job definition and secret as 'run'.")
class WorkerCommand extends JobCommand {

    @Override
    int run(ConfigurableApplicationContext context) throws Exception {
        HublinksProperties settings = context.getBean(HublinksProperties.class);
        if (settings.scale().mode() != HublinksProperties.ScaleMode.REMOTE) {
            throw new SettingsException("hublinks.scale.mode", "a worker runs the partitions of remote nights: set"
                    + " it to remote, for the worker and for 'run' (now "
                    + settings.scale().mode().name().toLowerCase(Locale.ROOT) + ")");
        }
        context.getBean(LinkSigner.class); // the signing secret must be there before any partition is taken
        PartitionWorker worker = context.getBean(PartitionWorker.class);
        worker.start();
        commandLine().getOut().println("hublinks: worker for " + settings.job().name() + " taking signLinks partitions"
                + " from " + worker.source() + "; stop with Ctrl-C or SIGTERM");
        commandLine().getOut().flush();
        try {
            worker.awaitStopped(); // the JVM's shutdown closes the context, which stops the worker
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}

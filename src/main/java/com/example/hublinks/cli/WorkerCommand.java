package com.example.hublinks.cli;

import com.example.hublinks.job.GracefulStop;
import com.example.hublinks.link.LinkSigner;
import com.example.hublinks.scale.PartitionWorker;
import com.example.hublinks.scale.ScaleSettings;
import com.example.hublinks.support.ExitCodes;
import com.example.hublinks.support.JobSettings;
import com.example.hublinks.support.SettingsException;
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
        + " (the partition in progress is given back, to be resumed by another worker; exit 143). Start it with the"
        + " same job definition and secret as 'run'.")
class WorkerCommand extends JobCommand {

    @Override
    int run(ConfigurableApplicationContext context) throws Exception {
        ScaleSettings scale = context.getBean(ScaleSettings.class);
        if (scale.mode() != ScaleSettings.Mode.REMOTE) {
            throw new SettingsException("hublinks.scale.mode", "a worker runs the partitions of remote nights: set"
                    + " it to remote, for the worker and for 'run' (now "
                    + scale.mode().name().toLowerCase(Locale.ROOT) + ")");
        }
        context.getBean(LinkSigner.class); // the signing secret must be there before any partition is taken
        PartitionWorker worker = context.getBean(PartitionWorker.class);
        GracefulStop signals = context.getBean(GracefulStop.class);
        // SIGTERM or Ctrl-C: no new partition, the one in hand given back to the channel, then exit 143
        try (GracefulStop.Watch watch = signals.watch("the worker", worker::giveBack)) {
            worker.start();
            commandLine().getOut().println("hublinks: worker for " + context.getBean(JobSettings.class).name()
                    + " taking signLinks partitions from " + worker.source() + "; stop with Ctrl-C or SIGTERM");
            commandLine().getOut().flush();
            worker.awaitStopped();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return signals.requested() ? ExitCodes.STOPPED : ExitCodes.OK;
    }
}

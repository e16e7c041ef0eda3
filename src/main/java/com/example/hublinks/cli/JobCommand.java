package com.example.hublinks.cli;

import com.example.hublinks.HublinksApplication;
import com.example.hublinks.ops.DatabaseInUse;
import com.example.hublinks.ops.SecretPlaces;
import com.example.hublinks.support.SettingsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;
import picocli.CommandLine;

/**
 * A subcommand that works on one job definition: {@code hublinks CMD jobs/NAME.yml [--key=value…]}.
 * Starts the application with the job definition as configuration and any {@code --key=value}
 * settings on top (environment variables such as {@code HUBLINKS_CATALOG_SOURCE} work too).
 */
abstract class JobCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "JOB", description = "The job definition, e.g. jobs/sample-nightly.yml")
    Path jobFile;

    @Unmatched
    List<String> settings = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(jobFile)) {
            throw new SettingsException(jobFile.toString(), "job definition not found");
        }
        List<String> args = new ArrayList<>();
        args.add("--spring.config.additional-location=file:" + jobFile.toAbsolutePath());
        for (String setting : settings) {
            if (!setting.matches("--[A-Za-z][\\w.\\[\\]-]*=.*")) {
                throw new SettingsException(setting, "not an option of '" + spec.name()
                        + "'; settings are given as --key=value, e.g. --hublinks.campaign.audience=all");
            }
            args.add(setting);
        }
        args.addAll(extraSettings());
        AtomicReference<ConfigurableEnvironment> settings = new AtomicReference<>();
        SpringApplicationBuilder application = new SpringApplicationBuilder(HublinksApplication.class)
                .listeners((ApplicationListener<ApplicationEnvironmentPreparedEvent>) prepared -> {
                    settings.set(prepared.getEnvironment());
                    SecretPlaces.refuseMisplaced(prepared.getEnvironment(), jobFile.toAbsolutePath());
                });
        configure(application);
        try (ConfigurableApplicationContext context = application.run(args.toArray(String[]::new))) {
            return run(context);
        } catch (RuntimeException e) {
            ConfigurableEnvironment environment = settings.get();
            throw environment == null ? e : DatabaseInUse.classify(e,
                    environment.getProperty("hublinks.job.name", "hublinks"),
                    environment.getProperty("spring.datasource.url", ""));
        }
    }

    /** Settings this command adds, e.g. a web server port. */
    List<String> extraSettings() {
        return List.of();
    }

    /** How this command's application differs from a batch command's, e.g. a profile it runs with. */
    void configure(SpringApplicationBuilder application) {
    }

    abstract int run(ConfigurableApplicationContext context) throws Exception;

    CommandLine commandLine() {
        return spec.commandLine();
    }
}

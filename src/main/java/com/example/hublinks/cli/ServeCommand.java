package com.example.hublinks.cli;

import com.example.hublinks.support.JobSettings;
import com.example.hublinks.web.WebProcess;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;

/**
 * {@code hublinks serve jobs/NAME.yml [--port N]}: the long-running web process (DESIGN §7) —
 * HR's upload page and the nights behind sign-in (users from {@code hublinks.serve.users-file}),
 * eduMe's webhooks and the health probes — until stopped (SIGTERM / Ctrl-C).
 */
@Command(name = "serve", description = "Serve HR's roster upload page and the nights (sign-in with the users of"
        + " hublinks.serve.users-file, see 'user add'), eduMe's webhooks on POST /webhooks/edume and the health"
        + " probes, until stopped. --port N (default hublinks.serve.port, 8080).")
class ServeCommand extends WebCommand {

    @Override
    String portSetting() {
        return "hublinks.serve.port";
    }

    @Override
    void configure(SpringApplicationBuilder application) {
        super.configure(application);
        application.profiles(WebProcess.SERVE_PROFILE);
    }

    @Override
    String listening(ConfigurableApplicationContext context, int port) {
        return "serving " + context.getBean(JobSettings.class).name() + " on port " + port
                + ": the upload page at http://localhost:" + port + "/, the nights at /nights, eduMe webhooks at "
                + WebProcess.WEBHOOKS_PATH;
    }
}

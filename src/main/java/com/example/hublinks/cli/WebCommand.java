package com.example.hublinks.cli;

import com.example.hublinks.support.SettingsException;
import java.net.BindException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Option;

/**
 * A command that runs the web process until stopped: Spring MVC on the embedded Tomcat, with the
 * connector's timeouts and limits of application.yml ({@code server.*}). SIGTERM or Ctrl-C stop it
 * gracefully: the port closes at once, requests in progress are finished (at most
 * {@code spring.lifecycle.timeout-per-shutdown-phase}). Only these commands start a web server;
 * the batch commands keep {@code spring.main.web-application-type: none}.
 */
abstract class WebCommand extends JobCommand {

    @Option(names = "--port", paramLabel = "N", description = "Port to listen on (0: any free port)")
    Integer port;

    private final CountDownLatch closed = new CountDownLatch(1);

    /** The setting {@code --port} stands for. */
    abstract String portSetting();

    /** The line that says what listens where. */
    abstract String listening(ConfigurableApplicationContext context, int port);

    @Override
    public Integer call() throws Exception {
        if (port != null && (port < 0 || port > 65535)) {
            throw new SettingsException("--port", "must be between 0 and 65535, was " + port);
        }
        try {
            return super.call();
        } catch (Exception e) {
            if (Failures.find(e, PortInUseException.class) != null || Failures.find(e, BindException.class) != null) {
                throw new SettingsException(port != null ? "--port" : portSetting(), "cannot listen on port "
                        + (port != null ? port : "set there") + ": another process listens on it; choose another port", e);
            }
            throw e;
        }
    }

    @Override
    List<String> extraSettings() {
        List<String> settings = new ArrayList<>(List.of("--spring.main.web-application-type=servlet"));
        if (port != null) {
            settings.add("--" + portSetting() + "=" + port);
        }
        return settings;
    }

    @Override
    void configure(SpringApplicationBuilder application) {
        application.listeners(event -> {
            if (event instanceof ContextClosedEvent) {
                closed.countDown();
            }
        });
    }

    @Override
    int run(ConfigurableApplicationContext context) throws Exception {
        int listening = ((WebServerApplicationContext) context).getWebServer().getPort();
        commandLine().getOut().println("hublinks: " + listening(context, listening) + "; stop with Ctrl-C or SIGTERM");
        commandLine().getOut().flush();
        try {
            closed.await(); // until SIGTERM closes the context (its shutdown hook), or the thread is interrupted
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}

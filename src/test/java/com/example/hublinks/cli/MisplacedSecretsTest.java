package com.example.hublinks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.hublinks.support.ExitCodes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 12, DESIGN §5: a secret given on the command line (which {@code ps}, shell history and
 * crontabs show) or written in a job definition (which goes to git) is refused with exit 2, naming
 * where it was found and never echoing it, before anything is touched. Before, the night ran and
 * signed its links with it.
 */
class MisplacedSecretsTest {

    static final String SECRET = "s3cr3t-4d1e-value";

    @TempDir
    Path dir;

    @Test
    void theSigningSecretAfterTheJobDefinitionIsRefusedBeforeTheNightStarts() {
        CommandLineTest.Result result = command("run", "jobs/sample-nightly.yml", "--EDUME_SIGNING_SECRET=" + SECRET);

        assertRefused(result, "EDUME_SIGNING_SECRET", "on the command line (--EDUME_SIGNING_SECRET=…)");
        assertThat(result.err()).contains("use the environment variable EDUME_SIGNING_SECRET or hublinks.links.secret-file");
    }

    @Test
    void theSigningSecretInTheJobDefinitionIsRefusedNamingTheFileAndLine() throws Exception {
        Path job = jobDefinition("EDUME_SIGNING_SECRET: " + SECRET);

        CommandLineTest.Result result = command("run", job.toString());

        assertRefused(result, "EDUME_SIGNING_SECRET", "in the job definition " + job.toAbsolutePath() + " line "
                + Files.readAllLines(job).size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "--EDUME_API_KEY={secret}                                                   | EDUME_API_KEY",
            "--EDUME_WEBHOOK_SECRET={secret}                                            | EDUME_WEBHOOK_SECRET",
            "--EDUME_WEBHOOK_TOKEN={secret}                                             | EDUME_WEBHOOK_TOKEN",
            "--spring.datasource.password={secret}                                      | spring.datasource.password",
            "--spring.mail.password={secret}                                            | spring.mail.password",
            "--hublinks.roster.jdbc.password-env=HR_DB_PASSWORD --HR_DB_PASSWORD={secret} | HR_DB_PASSWORD",
            "--hublinks.catalog.api.key-env=ACME_EDUME_KEY --ACME_EDUME_KEY={secret}     | ACME_EDUME_KEY",
            "--hublinks.links.secret-env=ACME_SIGNING --ACME_SIGNING={secret}            | ACME_SIGNING",
    })
    void everySecretOnTheCommandLineIsRefused(String arguments, String key) {
        List<String> line = new ArrayList<>(List.of("sign", "jobs/sample-nightly.yml", "--user", "E1", "--team", "5"));
        line.addAll(List.of(arguments.replace("{secret}", SECRET).split(" ")));

        CommandLineTest.Result result = command(line.toArray(String[]::new));

        assertRefused(result, key, "on the command line (--" + key + "=…)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "'EDUME_API_KEY: {secret}'                                                    | EDUME_API_KEY",
            "'spring:\n  mail:\n    password: {secret}'                                     | spring.mail.password",
            "'spring:\n  datasource:\n    password: {secret}'                               | spring.datasource.password",
            "'hublinks.catalog.webhooks.secret-env: ACME_HOOKS\nACME_HOOKS: {secret}'         | ACME_HOOKS",
    })
    void everySecretInAJobDefinitionIsRefused(String yaml, String key) throws Exception {
        Path job = jobDefinition(yaml.replace("{secret}", SECRET));

        CommandLineTest.Result result = command("sign", job.toString(), "--user", "E1", "--team", "5");

        assertRefused(result, key, "in the job definition " + job.toAbsolutePath() + " line ");
    }

    @Test
    void anEmptyPasswordHoldsNoSecret() {
        // the built-in default is an empty H2 password (application.yml), and an empty value holds no secret
        CommandLineTest.Result result = command("sign", "jobs/sample-nightly.yml", "--user", "E1", "--team", "5",
                "--spring.datasource.password=");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("https://learn.edume.com/e/d/?g=5&e=E1&sig=");
    }

    private void assertRefused(CommandLineTest.Result result, String key, String where) {
        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.SETTINGS);
        assertThat(result.err()).startsWith("hublinks: " + key + ": refused: a secret " + where)
                .doesNotContain(SECRET);
        assertThat(result.err().lines()).hasSize(1);
        assertThat(result.out()).doesNotContain(SECRET).doesNotContain("sig=");
        assertThat(dir.resolve("db")).as("nothing touched: no database opened").doesNotExist();
        assertThat(dir.resolve("out")).as("nothing touched: no file written").doesNotExist();
    }

    /** The sample job with {@code extra} at its end, its paths made absolute so that it runs from anywhere. */
    private Path jobDefinition(String extra) throws Exception {
        String sample = Files.readString(Path.of("jobs/sample-nightly.yml"), StandardCharsets.UTF_8)
                .replace("sample-data/", Path.of("sample-data").toAbsolutePath() + "/");
        Path job = dir.resolve("job.yml");
        Files.writeString(job, sample + extra + "\n", StandardCharsets.UTF_8);
        return job;
    }

    private CommandLineTest.Result command(String... args) {
        List<String> line = new ArrayList<>(List.of(args));
        line.addAll(List.of("--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db/hublinks"),
                "--hublinks.campaign.out-dir=" + dir.resolve("out")));
        if (!String.join(" ", args).contains("SIGNING")) { // the sample's demo secret file, whatever the environment holds
            line.add("--hublinks.links.secret-env=HUBLINKS_TEST_UNSET_VARIABLE");
        }
        return CommandLineTest.hublinks(line.toArray(String[]::new));
    }
}

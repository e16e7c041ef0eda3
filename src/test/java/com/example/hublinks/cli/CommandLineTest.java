package com.example.hublinks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as ops and support use it: exit codes, output, one-line errors. */
class CommandLineTest {

    static final String VECTOR_SECRET = "c4e867ae-bc05-11ec-8422-0242ac120002";
    static final String DB = "--spring.datasource.url=jdbc:h2:mem:cli-test;DB_CLOSE_DELAY=-1";

    @TempDir
    static Path dir;
    static String secretFile;

    @BeforeAll
    static void vectorSecretFile() throws Exception {
        Path file = dir.resolve("signing-secret");
        Files.writeString(file, VECTOR_SECRET + "\n");
        // the file is the fallback when EDUME_SIGNING_SECRET is not set: tests must not depend on the environment
        secretFile = "--hublinks.links.secret-file=" + file;
    }

    record Result(int exitCode, String out, String err) {
    }

    static Result hublinks(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = HublinksCommand.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void signPrintsTheDesignVector() {
        Result result = hublinks("sign", "jobs/sample-nightly.yml", "--user", "employee-id", "--team", "12345",
                "--kind", "dashboard", DB, secretFile, "--hublinks.links.secret-env=HUBLINKS_TEST_UNSET_VARIABLE");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out().strip()).isEqualTo("https://learn.edume.com/e/d/?g=12345&e=employee-id"
                + "&sig=eba5e251dfbc677af0f12628eed30a307ec4d8d94f970c207ea8cf699fe58811");
    }

    @Test
    void signsAModuleLinkWithATarget() {
        Result result = hublinks("sign", "jobs/sample-nightly.yml", "--user", "employee-id", "--team", "12345",
                "--kind", "module", "--target", "24512", DB, secretFile,
                "--hublinks.links.secret-env=HUBLINKS_TEST_UNSET_VARIABLE");
        assertThat(result.out().strip()).endsWith("sig=ed0cb0a2a5ca26218a924af2659423c522938596313ca5644c7e45782bf81dad");
    }

    @Test
    void verifyAcceptsAGoodLinkAndExplainsABadOne() {
        String good = "https://learn.edume.com/e/c/123?g=5&e=abc123&sig="
                + "63322bc9065484b95b8cd9dc9fa869559f22533784779ba7c233a16b1686a410";
        Result ok = hublinks("verify", "jobs/sample-nightly.yml", good, DB, secretFile,
                "--hublinks.links.secret-env=HUBLINKS_TEST_UNSET_VARIABLE");
        assertThat(ok.exitCode()).as(ok.out() + ok.err()).isZero();
        assertThat(ok.out()).contains("learner: abc123").contains("OK");

        Result bad = hublinks("verify", "jobs/sample-nightly.yml", good.replace("e=abc123", "e=abc124"), DB, secretFile,
                "--hublinks.links.secret-env=HUBLINKS_TEST_UNSET_VARIABLE");
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.out()).contains("problem: bad signature");
    }

    @Test
    void aBadSettingIsExitTwoWithOneLineNamingTheKey() {
        Result result = hublinks("run", "jobs/sample-nightly.yml", "--hublinks.links.kind=nonsense", DB);
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("hublinks.links.kind").contains("nonsense").contains("dashboard");
        assertThat(result.err().lines()).hasSize(1);
        assertThat(result.out() + result.err()).doesNotContain("\tat ");
    }

    @Test
    void aCourseJobWithoutCoursesIsExitTwoNamingTheKey() {
        Result result = hublinks("run", "jobs/sample-nightly.yml", "--hublinks.links.kind=course", DB);
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("hublinks.links.courses");
        assertThat(result.err().lines()).hasSize(1);
    }

    @Test
    void anUnknownSettingIsNamed() {
        Result result = hublinks("run", "jobs/sample-nightly.yml", "--hublinks.links.kidn=course", DB);
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("hublinks.links.kidn").contains("unknown setting");
    }

    @Test
    void aMissingRosterFileIsExitTwoNamingTheFile() {
        Result result = hublinks("run", "jobs/sample-nightly.yml", "--roster", "no/such/roster.csv", DB);
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("no/such/roster.csv").contains("does not exist");
    }

    @Test
    void noSecretIsExitTwoNamingWhereToPutIt() throws Exception {
        Path job = dir.resolve("no-secret.yml");
        Files.writeString(job, Files.readString(Path.of("jobs/sample-nightly.yml")).replaceAll("(?m)^\\s*secret-file:.*$", ""));
        Result result = hublinks("sign", job.toString(), "--user", "u", "--team", "5", DB,
                "--hublinks.links.secret-env=HUBLINKS_TEST_UNSET_VARIABLE");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("HUBLINKS_TEST_UNSET_VARIABLE").contains("secret-file");
    }

    @Test
    void aMissingJobDefinitionIsExitTwo() {
        Result result = hublinks("run", "jobs/no-such-job.yml");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("jobs/no-such-job.yml").contains("not found");
    }
}

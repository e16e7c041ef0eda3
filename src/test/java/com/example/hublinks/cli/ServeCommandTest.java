package com.example.hublinks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.hublinks.cli.CommandLineTest.Result;
import com.example.hublinks.web.UsersFile;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hublinks serve} refusing to start: one line naming the setting, exit 2, nothing listening. */
class ServeCommandTest {

    static final String DB = "--spring.datasource.url=jdbc:h2:mem:serve-command-test;DB_CLOSE_DELAY=-1";

    @TempDir
    Path dir;

    @Test
    void withoutItsUsersFileServeDoesNotStart() {
        Result result = CommandLineTest.hublinks("serve", "jobs/sample-nightly.yml", "--port", "0", DB);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("hublinks: hublinks.serve.users-file: hublinks serve needs its users");
        assertThat(result.err().lines()).hasSize(1);
    }

    @Test
    void aPortInUseIsExitTwoNamingIt() throws Exception {
        Path users = dir.resolve("users");
        UsersFile.add(users, "hr1", UsersFile.Role.HR, "Sample-pass-42".toCharArray());
        try (ServerSocket taken = new ServerSocket(0)) {
            Result result = CommandLineTest.hublinks("serve", "jobs/sample-nightly.yml", "--port",
                    String.valueOf(taken.getLocalPort()), "--hublinks.serve.users-file=" + users, DB);

            assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
            assertThat(result.err()).startsWith("hublinks: --port: cannot listen on port " + taken.getLocalPort());
        }
    }

    @Test
    void aPortOutOfRangeIsExitTwo() {
        Result result = CommandLineTest.hublinks("webhooks", "jobs/sample-nightly.yml", "--port", "70000", DB);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--port: must be between 0 and 65535, was 70000");
    }
}

package com.example.hublinks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.hublinks.cli.CommandLineTest.Result;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hublinks user add}: the password from standard input (or the terminal), never from an argument. */
class UserCommandTest {

    @TempDir
    Path dir;

    Result withInput(String stdin, String... args) {
        InputStream before = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            return CommandLineTest.hublinks(args);
        } finally {
            System.setIn(before);
        }
    }

    @Test
    void addsAUserWithThePasswordFromStandardInput() throws Exception {
        Path users = dir.resolve("users");
        Result added = withInput("Sample-pass-42\n", "user", "add", "hr1", "--role", "hr", "--users-file", users.toString());

        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.out()).contains("added hr1 (hr)");
        assertThat(Files.readString(users)).contains("hr1:hr:{bcrypt}$2a$").doesNotContain("Sample-pass-42");
        assertThat(added.out() + added.err()).doesNotContain("Sample-pass-42");
    }

    @Test
    void aPasswordArgumentAnUnknownRoleAndNoPasswordAreExitTwo() {
        Path users = dir.resolve("users");
        Result argument = withInput("", "user", "add", "hr1", "--role", "hr", "--users-file", users.toString(),
                "--password", "Sample-pass-42");
        Result role = withInput("Sample-pass-42\n", "user", "add", "hr1", "--role", "boss", "--users-file", users.toString());
        Result none = withInput("", "user", "add", "hr1", "--role", "hr", "--users-file", users.toString());
        Result shortOne = withInput("short\n", "user", "add", "hr1", "--role", "ops", "--users-file", users.toString());

        assertThat(argument.exitCode()).isEqualTo(2);
        assertThat(argument.err()).contains("--password");
        assertThat(role.exitCode()).isEqualTo(2);
        assertThat(role.err()).isEqualTo("hublinks: --role: 'boss' is not a role: hr or ops" + System.lineSeparator());
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("password: none given");
        assertThat(shortOne.exitCode()).isEqualTo(2);
        assertThat(shortOne.err()).contains("password: at least 12 characters");
        assertThat(users).doesNotExist();
    }
}

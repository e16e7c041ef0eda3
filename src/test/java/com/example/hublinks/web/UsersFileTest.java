package com.example.hublinks.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.hublinks.support.SettingsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The users file: {@code name:role:{bcrypt}hash} lines, written by {@code user add}, read again when it changes. */
class UsersFileTest {

    @TempDir
    Path dir;

    @Test
    void addWritesOwnerOnlyBcryptLinesAndReplacesAUsersPassword() throws Exception {
        Path file = dir.resolve("users");
        assertThat(UsersFile.add(file, "hr1", UsersFile.Role.HR, "Sample-pass-42".toCharArray())).isTrue();
        assertThat(UsersFile.add(file, "ops1", UsersFile.Role.OPS, "Sample-pass-43".toCharArray())).isTrue();
        assertThat(UsersFile.add(file, "hr1", UsersFile.Role.HR, "Other-pass-4242".toCharArray())).isFalse();

        List<String> users = Files.readAllLines(file).stream().filter(l -> !l.startsWith("#")).toList();
        assertThat(users).hasSize(2);
        assertThat(users.get(0)).startsWith("hr1:hr:{bcrypt}$2a$10$");
        assertThat(users.get(1)).startsWith("ops1:ops:{bcrypt}$2a$10$");
        assertThat(String.join("\n", users)).doesNotContain("pass");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        UsersFile read = new UsersFile(file);
        assertThat(UsersFile.PASSWORDS.matches("Other-pass-4242", read.loadUserByUsername("hr1").getPassword())).isTrue();
        assertThat(read.loadUserByUsername("ops1").getAuthorities()).extracting(Object::toString).containsExactly("ROLE_OPS");
    }

    @Test
    void aRunningServerSeesANewUserWithoutARestart() throws Exception {
        Path file = dir.resolve("users");
        UsersFile.add(file, "hr1", UsersFile.Role.HR, "Sample-pass-42".toCharArray());
        UsersFile users = new UsersFile(file);
        assertThat(users.find("hr2")).isEmpty();

        UsersFile.add(file, "hr2", UsersFile.Role.HR, "Sample-pass-44".toCharArray());

        assertThat(users.find("hr2")).hasValueSatisfying(a -> assertThat(a.role()).isEqualTo(UsersFile.Role.HR));
    }

    @Test
    void aShortPasswordOrABadNameIsRefused() {
        Path file = dir.resolve("users");
        assertThatThrownBy(() -> UsersFile.add(file, "hr1", UsersFile.Role.HR, "short".toCharArray()))
                .hasMessage("password: at least 12 characters, was 5");
        assertThatThrownBy(() -> UsersFile.add(file, "hr:1", UsersFile.Role.HR, "Sample-pass-42".toCharArray()))
                .hasMessageStartingWith("NAME: 'hr:1': a user name is");
        assertThat(file).doesNotExist();
    }

    @Test
    void aBadFileStopsTheStartNamingTheLineNotItsHash() throws Exception {
        Path file = dir.resolve("users");
        assertThatThrownBy(() -> new UsersFile(null)).isInstanceOf(SettingsException.class)
                .hasMessageStartingWith("hublinks.serve.users-file: hublinks serve needs its users");
        assertThatThrownBy(() -> new UsersFile(file)).hasMessageContaining("does not exist");
        Files.writeString(file, "# nobody yet\n");
        assertThatThrownBy(() -> new UsersFile(file)).hasMessageContaining("holds no users");
        Files.writeString(file, "hr1:hr:{noop}Sample-pass-42\n");
        assertThatThrownBy(() -> new UsersFile(file)).hasMessageContaining("line 1: the password hash is not {bcrypt}")
                .hasMessageNotContaining("Sample-pass-42");
        Files.writeString(file, "\nhr1:boss:{bcrypt}$2a$10$x\n");
        assertThatThrownBy(() -> new UsersFile(file)).hasMessageContaining("line 2: 'boss' is not a role: hr or ops");
    }
}

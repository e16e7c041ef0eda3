package com.example.hublinks.web;

import com.example.hublinks.support.SettingsException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The users of {@code hublinks serve} ({@code hublinks.serve.users-file}): one line per user,
 * {@code name:role:{bcrypt}hash}, role {@code hr} or {@code ops}; blank lines and {@code #}
 * comments are ignored. {@code hublinks user add} writes it (owner-only); the server reads it
 * again when it changes, so a new user or password needs no restart.
 */
public final class UsersFile implements UserDetailsService {

    static final String SETTING = "hublinks.serve.users-file";
    /** Passwords are bcrypt only: a line with another {@code {id}} is refused when the file is read. */
    static final PasswordEncoder PASSWORDS = new DelegatingPasswordEncoder("bcrypt",
            Map.of("bcrypt", new BCryptPasswordEncoder()));
    static final int MIN_PASSWORD = 12;

    private static final Logger log = LoggerFactory.getLogger(UsersFile.class);
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    /** What a user may do: HR upload rosters and see the nights; ops see the nights. */
    public enum Role {
        HR, OPS;

        public static Role of(String name) {
            for (Role role : values()) {
                if (role.name().equalsIgnoreCase(name)) {
                    return role;
                }
            }
            throw new IllegalArgumentException("'" + name + "' is not a role: hr or ops");
        }

        String setting() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    record Account(String name, Role role, String hash) {
    }

    private record Snapshot(FileTime modified, long size, Map<String, Account> accounts) {
    }

    private final Path file;
    private volatile Snapshot snapshot;

    /** Reads the file now: a missing or malformed file stops the start (exit 2, naming the setting). */
    UsersFile(Path file) {
        if (file == null) {
            throw new SettingsException(SETTING, "hublinks serve needs its users: create the file with 'hublinks user add"
                    + " NAME --role hr --users-file FILE' and pass --hublinks.serve.users-file=FILE");
        }
        if (!Files.isRegularFile(file)) {
            throw new SettingsException(SETTING, "users file " + file + " does not exist: create it with 'hublinks user add"
                    + " NAME --role hr --users-file " + file + "'");
        }
        this.file = file;
        this.snapshot = read(file);
        if (snapshot.accounts().isEmpty()) {
            throw new SettingsException(SETTING, "users file " + file + " holds no users: add one with 'hublinks user add"
                    + " NAME --role hr --users-file " + file + "'");
        }
    }

    /** The account of that name, the file read again first if it changed since. */
    Optional<Account> find(String name) {
        return Optional.ofNullable(current().accounts().get(name));
    }

    @Override
    public UserDetails loadUserByUsername(String name) {
        Account account = find(name).orElseThrow(() -> new UsernameNotFoundException("no such user"));
        return User.withUsername(account.name()).password(account.hash()).roles(account.role().name()).build();
    }

    private Snapshot current() {
        Snapshot known = snapshot;
        try {
            if (known.modified().equals(Files.getLastModifiedTime(file)) && known.size() == Files.size(file)) {
                return known;
            }
            snapshot = read(file);
            log.info("Users file {} read again: {} users", file, snapshot.accounts().size());
        } catch (IOException | SettingsException e) {
            log.error("Users file {} could not be read again; the users read before stay: {}", file, e.getMessage());
        }
        return snapshot;
    }

    private static Snapshot read(Path file) {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            long size = Files.size(file);
            Map<String, Account> accounts = new LinkedHashMap<>();
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                Account account = parse(file, i + 1, line);
                if (accounts.putIfAbsent(account.name(), account) != null) {
                    throw new SettingsException(SETTING, file + " line " + (i + 1) + ": user " + account.name()
                            + " is in the file twice");
                }
            }
            return new Snapshot(modified, size, accounts);
        } catch (IOException e) {
            throw new SettingsException(SETTING, "cannot read users file " + file + ": " + e.getMessage(), e);
        }
    }

    /** One line; its problem is named with the line number, never with the line (it holds a hash). */
    private static Account parse(Path file, int number, String line) {
        String[] parts = line.split(":", 3);
        String where = file + " line " + number + ": ";
        if (parts.length != 3) {
            throw new SettingsException(SETTING, where + "not name:role:{bcrypt}hash");
        }
        checkName(parts[0], SETTING, where);
        Role role;
        try {
            role = Role.of(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new SettingsException(SETTING, where + e.getMessage());
        }
        if (!parts[2].startsWith("{bcrypt}$2")) {
            throw new SettingsException(SETTING, where + "the password hash is not {bcrypt}: write the line with"
                    + " 'hublinks user add'");
        }
        return new Account(parts[0], role, parts[2]);
    }

    static void checkName(String name, String key, String where) {
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}")) {
            throw new SettingsException(key, where + "a user name is 1 to 64 letters, digits, '.', '_', '@' or '-'");
        }
    }

    /**
     * Adds the user, or gives an existing one the new role and password; the file is rewritten
     * whole (owner-only) and renamed into place. Returns true when the user is new.
     */
    public static boolean add(Path file, String name, Role role, char[] password) {
        checkName(name, "NAME", "'" + name + "': ");
        if (password.length < MIN_PASSWORD) {
            throw new SettingsException("password", "at least " + MIN_PASSWORD + " characters, was " + password.length);
        }
        String line = name + ":" + role.setting() + ":" + PASSWORDS.encode(new String(password));
        try {
            List<String> lines = Files.exists(file) ? new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8))
                    : new ArrayList<>(List.of("# hublinks serve users: name:role:{bcrypt}hash, written by 'hublinks user add'"));
            boolean added = true;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).strip().startsWith(name + ":")) {
                    lines.set(i, line);
                    added = false;
                }
            }
            if (added) {
                lines.add(line);
            }
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path part = Files.createTempFile(dir, ".users", ".part");
            if (POSIX) {
                Files.setPosixFilePermissions(part, PosixFilePermissions.fromString("rw-------"));
            }
            Files.write(part, lines, StandardCharsets.UTF_8);
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return added;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write users file " + file, e);
        }
    }
}

package com.example.hublinks.web;

import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;

/**
 * Sign-in (form or HTTP Basic) against the users file, paused by {@link SignInThrottle} after
 * repeated wrong passwords. The log names a failed user only when the name is a user's: a
 * password typed into the name field must not reach the log.
 */
final class ThrottledSignIn implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(ThrottledSignIn.class);

    private final AuthenticationProvider users;
    private final UsersFile usersFile;
    private final SignInThrottle throttle;

    ThrottledSignIn(AuthenticationProvider users, UsersFile usersFile, SignInThrottle throttle) {
        this.users = users;
        this.usersFile = usersFile;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String name = attempt.getName();
        Optional<Duration> paused = throttle.pausedFor(name);
        if (paused.isPresent()) {
            log.warn("Sign-in of {} refused: paused {} s more after repeated wrong passwords", who(name),
                    paused.get().toSeconds() + 1);
            throw new LockedException("too many wrong passwords: sign-in is paused for a while");
        }
        try {
            Authentication signedIn = users.authenticate(attempt);
            throttle.succeeded(name);
            return signedIn;
        } catch (BadCredentialsException e) {
            Duration pause = throttle.failed(name);
            log.warn("Sign-in of {} failed: wrong user name or password{}", who(name),
                    pause.isZero() ? "" : "; paused for " + pause.toSeconds() + " s");
            throw e;
        }
    }

    private String who(String name) {
        return usersFile.find(name).map(UsersFile.Account::name).orElse("an unknown user name");
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return users.supports(authentication);
    }
}

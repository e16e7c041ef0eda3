package com.example.hublinks.web;

import jakarta.servlet.DispatcherType;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;

/**
 * Sign-in for {@code hublinks serve}: users and roles from the users file, HR ({@code hr}) upload
 * rosters, HR and ops see the nights. Browsers sign in with a form and keep a session (CSRF token
 * on every form, cookie HttpOnly and SameSite); scripts send HTTP Basic with {@code Accept:
 * application/json} ({@link ScriptRequests}) and get no session. Wrong passwords pause the name
 * ({@link SignInThrottle}).
 */
@Configuration
@Profile(WebProcess.SERVE_PROFILE)
class SignInConfiguration {

    /** What the pages allow: nothing is reachable unless listed here. */
    static final String HR = "HR";
    static final String OPS = "OPS";
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @Bean
    UsersFile usersFile(ServeSettings serve) {
        return new UsersFile(serve.usersFile());
    }

    @Bean
    SignInThrottle signInThrottle(Clock clock) {
        return new SignInThrottle(clock);
    }

    @Bean
    AuthenticationManager authenticationManager(UsersFile users, SignInThrottle throttle) {
        DaoAuthenticationProvider fromFile = new DaoAuthenticationProvider(users);
        fromFile.setPasswordEncoder(UsersFile.PASSWORDS);
        return new ProviderManager(new ThrottledSignIn(fromFile, users, throttle));
    }

    @Bean
    @Order(2)
    SecurityFilterChain scripts(HttpSecurity http, AuthenticationManager signIn) throws Exception {
        BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
        basic.setRealmName("hublinks");
        return PublicEndpointsConfiguration.stateless(http.securityMatcher(new ScriptRequests()))
                .authenticationManager(signIn)
                .httpBasic(b -> b.realmName("hublinks").authenticationEntryPoint(basic))
                .exceptionHandling(e -> e.authenticationEntryPoint(basic))
                .authorizeHttpRequests(SignInConfiguration::pages)
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain browsers(HttpSecurity http, AuthenticationManager signIn) throws Exception {
        SimpleUrlAuthenticationFailureHandler wrongPassword = new SimpleUrlAuthenticationFailureHandler("/login?error");
        SimpleUrlAuthenticationFailureHandler paused = new SimpleUrlAuthenticationFailureHandler("/login?paused");
        return http.authenticationManager(signIn)
                .authorizeHttpRequests(SignInConfiguration::pages)
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false)
                        .failureHandler((request, response, e) -> (e instanceof LockedException ? paused : wrongPassword)
                                .onAuthenticationFailure(request, response, e)))
                .logout(logout -> logout.logoutSuccessUrl("/login?signedOut"))
                .csrf(csrf -> csrf.csrfTokenRequestHandler(new UploadCsrfTokens()))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                        request -> ScriptRequests.acceptsJson(request) && !request.getRequestURI().equals("/login")))
                .build();
    }

    private static void pages(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry pages) {
        pages.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                .requestMatchers("/login", "/hublinks.css", "/upload.js").permitAll()
                .requestMatchers("/", "/rosters", "/rosters/**").hasRole(HR)
                .requestMatchers("/nights", "/nights/**").hasAnyRole(HR, OPS)
                .anyRequest().denyAll();
    }
}

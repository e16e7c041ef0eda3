package com.example.hublinks.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * What every web process serves without sign-in: eduMe's webhooks (they prove themselves with
 * their signature or token) and the health probes for schedulers. No session, no CSRF: neither
 * caller is a browser. Under {@code hublinks webhooks} that is all: every other request is refused.
 */
@Configuration
@ConditionalOnWebApplication
class PublicEndpointsConfiguration {

    static final String LIVENESS = "/actuator/health/liveness";
    static final String READINESS = "/actuator/health/readiness";

    @Bean
    @Order(1)
    SecurityFilterChain publicEndpoints(HttpSecurity http) throws Exception {
        return stateless(http.securityMatcher(WebhookController.PATH, LIVENESS, READINESS))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .build();
    }

    @Bean
    @Order(4)
    @Profile("!" + WebProcess.SERVE_PROFILE)
    SecurityFilterChain nothingElse(HttpSecurity http) throws Exception {
        return stateless(http).authorizeHttpRequests(requests -> requests.anyRequest().denyAll()).build();
    }

    static HttpSecurity stateless(HttpSecurity http) throws Exception {
        return http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable);
    }
}

package com.example.hublinks.web;

import com.example.hublinks.catalog.CatalogSettings;
import com.example.hublinks.catalog.WebhookAuthentication;
import com.example.hublinks.catalog.WebhookDelivery;
import com.example.hublinks.catalog.WebhookEventRepository;
import com.example.hublinks.catalog.WebhookProof;
import com.example.hublinks.support.SettingsException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /webhooks/edume}, no sign-in. Checks in this order: size (413), authentication
 * (401: the HMAC over the raw body, else over its one-line form, else the bearer token), shape
 * (400); then stores the course- or learner-level event (202), or answers 200 to a replay it
 * already holds so eduMe stops retrying. The next {@code catalog.source: webhooks} night applies
 * course events. Under {@code hublinks serve} without a webhook secret or token the endpoint
 * answers 503 (eduMe retries later); {@code hublinks webhooks} does not start without one.
 */
@RestController
@ConditionalOnWebApplication
class WebhookController {

    static final String PATH = WebProcess.WEBHOOKS_PATH;
    private static final Logger log = LoggerFactory.getLogger(WebhookController.class);
    private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

    private final WebhookAuthentication authentication;
    private final String notConfigured;
    private final WebhookEventRepository events;
    private final JsonMapper json;
    private final int maxBodyBytes;
    private final Clock clock;

    WebhookController(ObjectProvider<WebhookAuthentication> authentication, Environment environment,
                      WebhookEventRepository events, JsonMapper json, CatalogSettings catalog, Clock clock) {
        WebhookAuthentication found = null;
        String problem = null;
        if (environment.acceptsProfiles(Profiles.of(WebProcess.SERVE_PROFILE))) {
            try {
                found = authentication.getObject();
            } catch (RuntimeException e) {
                SettingsException settingsProblem = SettingsException.findIn(e);
                if (settingsProblem == null) {
                    throw e;
                }
                problem = settingsProblem.getMessage();
                log.warn("Webhooks are off until the receiver has a secret or token: {}", problem);
            }
        } else {
            found = authentication.getObject(); // hublinks webhooks: exit 2 before the port opens
        }
        this.authentication = found;
        this.notConfigured = problem;
        this.events = events;
        this.json = json;
        this.maxBodyBytes = catalog.webhooks().maxBodyBytes();
        this.clock = clock;
    }

    /** Whether deliveries are received (a secret or a token is configured), else why not. */
    Optional<String> offBecause() {
        return Optional.ofNullable(notConfigured);
    }

    @RequestMapping(PATH)
    ResponseEntity<String> receive(HttpServletRequest request) throws IOException {
        if (!"POST".equals(request.getMethod())) {
            return answer(HttpStatus.METHOD_NOT_ALLOWED, "POST only", true);
        }
        if (authentication == null) {
            return answer(HttpStatus.SERVICE_UNAVAILABLE, "webhooks are not configured on this server; please retry", false);
        }
        byte[] body = readBody(request);
        if (body == null) {
            log.warn("Webhook refused: body larger than {} bytes", maxBodyBytes);
            return answer(HttpStatus.CONTENT_TOO_LARGE, "body larger than " + maxBodyBytes + " bytes", false);
        }
        Optional<WebhookProof> proof = authentication.check(body, request.getHeader("x-edume-signature"),
                request.getHeader(HttpHeaders.AUTHORIZATION));
        if (proof.isEmpty()) {
            log.warn("Webhook refused from {}: missing or bad x-edume-signature or bearer token", request.getRemoteAddr());
            return answer(HttpStatus.UNAUTHORIZED, "bad or missing x-edume-signature", false);
        }
        WebhookDelivery event;
        try {
            event = WebhookDelivery.parse(json, body);
        } catch (IllegalArgumentException e) {
            log.warn("Webhook refused: {}", e.getMessage());
            return answer(HttpStatus.BAD_REQUEST, "not an eduMe course or learner event: " + e.getMessage(), false);
        }
        try {
            if (events.store(body, event, clock.instant())) {
                log.info("Webhook {} stored ({})", event.about(), proof.get());
                return answer(HttpStatus.ACCEPTED, "stored", false);
            }
            log.info("Webhook {} already held (replay; {})", event.about(), proof.get());
            return answer(HttpStatus.OK, "already held", false);
        } catch (RuntimeException e) {
            log.error("Webhook could not be stored: {}", e.getMessage());
            return answer(HttpStatus.INTERNAL_SERVER_ERROR, "could not store the event; please retry", false);
        }
    }

    /** The raw body as received, or null when it is over the limit (read no further than that). */
    private byte[] readBody(HttpServletRequest request) throws IOException {
        long length = request.getContentLengthLong();
        if (length > maxBodyBytes) {
            return null;
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(maxBodyBytes + 1);
            return body.length > maxBodyBytes ? null : body;
        }
    }

    private static ResponseEntity<String> answer(HttpStatus status, String text, boolean postOnly) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status).contentType(TEXT);
        if (postOnly) {
            response.header(HttpHeaders.ALLOW, "POST");
        }
        return response.body(text + "\n");
    }
}

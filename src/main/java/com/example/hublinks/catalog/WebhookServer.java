package com.example.hublinks.catalog;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /webhooks/edume} on the JDK's own HTTP server (no servlet container for one
 * endpoint). Checks in this order: size (413), signature over the raw body (401), shape (400);
 * then stores the event (202), or answers 200 to a replay it already holds so eduMe stops
 * retrying. The next {@code refreshCatalog} with {@code catalog.source: webhooks} applies it.
 */
public final class WebhookServer implements AutoCloseable {

    public static final String PATH = "/webhooks/edume";
    private static final Logger log = LoggerFactory.getLogger(WebhookServer.class);

    private final WebhookSignature signature;
    private final WebhookEventRepository events;
    private final JsonMapper json;
    private final int maxBodyBytes;
    private final Clock clock;
    private HttpServer server;
    private ExecutorService threads;

    public WebhookServer(WebhookSignature signature, WebhookEventRepository events, JsonMapper json, int maxBodyBytes,
                         Clock clock) {
        this.signature = signature;
        this.events = events;
        this.json = json;
        this.maxBodyBytes = maxBodyBytes;
        this.clock = clock;
    }

    /** Starts listening on all interfaces; port 0 picks a free one. Returns the port. */
    public int start(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(port), 0);
        threads = Executors.newFixedThreadPool(4);
        server.setExecutor(threads);
        server.createContext(PATH, this::handle);
        server.start();
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0); // eduMe redelivers what it could not deliver
            threads.shutdown();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals(PATH)) {
                answer(exchange, 404, "not found");
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "POST");
                answer(exchange, 405, "POST only");
                return;
            }
            byte[] body = readBody(exchange);
            if (body == null) {
                log.warn("Webhook refused: body larger than {} bytes", maxBodyBytes);
                answer(exchange, 413, "body larger than " + maxBodyBytes + " bytes");
                return;
            }
            if (!signature.holds(body, exchange.getRequestHeaders().getFirst("x-edume-signature"))) {
                log.warn("Webhook refused from {}: missing or bad x-edume-signature", exchange.getRemoteAddress().getAddress());
                answer(exchange, 401, "bad or missing x-edume-signature");
                return;
            }
            WebhookEvent event;
            try {
                event = WebhookEvent.parse(json, body);
            } catch (IllegalArgumentException e) {
                log.warn("Webhook refused: {}", e.getMessage());
                answer(exchange, 400, "not an eduMe course event: " + e.getMessage());
                return;
            }
            if (events.store(body, event, clock.instant())) {
                log.info("Webhook {} for course {} stored", event.kind(), event.courseId());
                answer(exchange, 202, "stored");
            } else {
                log.info("Webhook {} for course {} already held (replay)", event.kind(), event.courseId());
                answer(exchange, 200, "already held");
            }
        } catch (RuntimeException e) {
            log.error("Webhook could not be stored: {}", e.getMessage());
            answer(exchange, 500, "could not store the event; please retry");
        }
    }

    /** The raw body as received, or null when it is over the limit (read no further than that). */
    private byte[] readBody(HttpExchange exchange) throws IOException {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > maxBodyBytes) {
            return null;
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(maxBodyBytes + 1);
            return body.length > maxBodyBytes ? null : body;
        }
    }

    private static void answer(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = (text + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}

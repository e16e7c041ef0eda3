package com.example.hublinks.web;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/** A script's view of {@code hublinks serve}: plain HTTP requests, HTTP Basic, multipart uploads. */
record ServeClient(HttpClient http, String base) {

    static ServeClient on(int port) {
        return new ServeClient(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build(),
                "http://localhost:" + port);
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path));
    }

    /** {@code POST /rosters} as HR's script sends it: Basic, {@code Accept: application/json}, the file as {@code file}. */
    HttpResponse<String> upload(String user, String password, String fileName, byte[] content) throws Exception {
        return send(withFile(request("/rosters"), fileName, content).header("Authorization", basic(user, password))
                .header("Accept", "application/json"));
    }

    /** The request with a multipart body holding one file, field {@code file}. */
    static HttpRequest.Builder withFile(HttpRequest.Builder request, String fileName, byte[] content) {
        String boundary = "hublinks-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return request.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = request(path).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    HttpResponse<String> post(String path, String... headers) throws Exception {
        HttpRequest.Builder request = request(path).POST(HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }
}

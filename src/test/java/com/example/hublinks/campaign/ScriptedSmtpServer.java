package com.example.hublinks.campaign;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small SMTP server for the replies GreenMail never gives: it answers {@code RCPT TO} with the
 * reply scripted for that address (550 for a mailbox that does not exist, 451 for a greylisting
 * relay…) and 250 otherwise, and records the recipients of every message it accepts.
 */
final class ScriptedSmtpServer implements AutoCloseable {

    private final ServerSocket listener;
    private final Map<String, String> rcptReplies = new ConcurrentHashMap<>();
    private final List<String> accepted = new CopyOnWriteArrayList<>();

    ScriptedSmtpServer() throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!listener.isClosed()) {
                try (Socket client = listener.accept()) {
                    converse(client);
                } catch (IOException closed) {
                    // listener closed, or the client hung up
                }
            }
        }, "scripted-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** From now on, {@code RCPT TO:<address>} gets this reply ({@code null}: 250 again). */
    void reply(String address, String reply) {
        if (reply == null) {
            rcptReplies.remove(address);
        } else {
            rcptReplies.put(address, reply);
        }
    }

    /** Recipients of the messages accepted so far, one entry per message. */
    List<String> accepted() {
        return List.copyOf(accepted);
    }

    private void converse(Socket client) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII);
        send(out, "220 scripted ESMTP");
        String recipient = null;
        for (String line; (line = in.readLine()) != null; ) {
            String command = line.toUpperCase();
            if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                send(out, "250 scripted");
            } else if (command.startsWith("MAIL FROM")) {
                send(out, "250 OK");
            } else if (command.startsWith("RCPT TO")) {
                String address = line.substring(line.indexOf('<') + 1, line.lastIndexOf('>'));
                String reply = rcptReplies.getOrDefault(address, "250 OK");
                recipient = reply.startsWith("250") ? address : null;
                send(out, reply);
            } else if (command.startsWith("DATA")) {
                send(out, "354 go ahead");
                while (!".".equals(in.readLine())) {
                    // message body
                }
                accepted.add(recipient);
                send(out, "250 OK queued");
            } else if (command.startsWith("QUIT")) {
                send(out, "221 bye");
                return;
            } else {
                send(out, "250 OK"); // RSET, NOOP
            }
        }
    }

    private static void send(PrintWriter out, String reply) {
        out.print(reply + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}

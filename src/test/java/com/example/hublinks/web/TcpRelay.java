package com.example.hublinks.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on localhost: what the application sees as its database server. {@link #cut()} makes
 * the database unreachable (connections dropped, new ones refused) without touching the database;
 * {@link #open()} makes it reachable again on the same port.
 */
final class TcpRelay {

    private final int targetPort;
    private final int port;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile ServerSocket listening;

    TcpRelay(int targetPort) throws IOException {
        this.targetPort = targetPort;
        try (ServerSocket free = new ServerSocket(0)) {
            this.port = free.getLocalPort();
        }
        open();
    }

    int port() {
        return port;
    }

    void open() throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress("localhost", port));
        listening = server;
        Thread accepting = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    Socket target = new Socket("localhost", targetPort);
                    sockets.add(client);
                    sockets.add(target);
                    pipe(client, target);
                    pipe(target, client);
                } catch (IOException closed) {
                    return;
                }
            }
        }, "tcp-relay-" + port);
        accepting.setDaemon(true);
        accepting.start();
    }

    void cut() throws IOException {
        listening.close();
        for (Socket socket : sockets) {
            socket.close();
        }
        sockets.clear();
    }

    private static void pipe(Socket from, Socket to) {
        Thread copy = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException dropped) {
                // cut, or closed by either end
            } finally {
                try {
                    to.close();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        });
        copy.setDaemon(true);
        copy.start();
    }
}

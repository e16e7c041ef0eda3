package com.example.hublinks.ops;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Names a process {@code host:pid} (a lock holder, the worker of a partition), and tells whether
 * such a holder on this host has ended.
 */
public final class LockOwner {

    private LockOwner() {
    }

    public static String thisProcess() {
        return host() + ":" + ProcessHandle.current().pid();
    }

    static boolean isDeadLocalProcess(String owner) {
        int colon = owner.lastIndexOf(':');
        if (colon < 0 || !owner.substring(0, colon).equals(host())) {
            return false; // another host: only its heartbeat can tell
        }
        try {
            long pid = Long.parseLong(owner.substring(colon + 1));
            return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}

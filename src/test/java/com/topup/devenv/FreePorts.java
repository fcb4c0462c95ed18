package com.topup.devenv;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free loopback ports, so test services run beside a running launcher.
 *
 * <p>Ports come from below the kernel's ephemeral range: a port the kernel hands out for {@code bind(0)} can be taken
 * as the local port of any outgoing connection before the service that was promised it binds it. No port is handed
 * out twice by one JVM.
 */
public final class FreePorts {

    private static final int LOWEST = 20000;
    private static final int FALLBACK_EPHEMERAL_START = 32768;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePorts() {
    }

    public static int next() {
        int end = ephemeralRangeStart();
        int span = end - LOWEST;
        int start = ThreadLocalRandom.current().nextInt(span);
        for (int i = 0; i < span; i++) {
            int port = LOWEST + (start + i) % span;
            if (HANDED_OUT.add(port)) {
                if (bindable(port)) {
                    return port;
                }
                HANDED_OUT.remove(port);
            }
        }
        throw new IllegalStateException("no free loopback port in " + LOWEST + "-" + (end - 1));
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int ephemeralRangeStart() {
        try {
            String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim();
            int start = Integer.parseInt(range.split("\\s+")[0]);
            return start > LOWEST + 1000 ? start : FALLBACK_EPHEMERAL_START;
        } catch (IOException | RuntimeException e) {
            return FALLBACK_EPHEMERAL_START;
        }
    }
}

package io.lockstep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

import com.fasterxml.jackson.databind.JsonNode;

/** What the QEMU end-to-end tests ask of a datacenter and its guests: a VM as `vm ls` shows it, its state, its Redis. */
final class QemuGuests {

    private QemuGuests() {
    }

    /** Skips a test that needs root with namespaces, QEMU and the default image, saying which is missing. */
    static void assumeRootQemuAndTheImage() {
        java.util.List<String> missing = HostNamespaces.missing();
        Assumptions.assumeTrue(missing.isEmpty(), "hosts in network namespaces need " + missing + " (CI runs as root with them)");
        Assumptions.assumeTrue(HostNamespaces.which("qemu-system-x86_64") != null, "QEMU is not installed (Debian package qemu-system-x86)");
        String cache = System.getenv("XDG_CACHE_HOME");
        Path image = (cache != null ? Path.of(cache) : Path.of(System.getProperty("user.home"), ".cache")).resolve("lockstep/qemu-image/image");
        Assumptions.assumeTrue(Files.exists(image.resolve("vmlinuz")) && Files.exists(image.resolve("initrd.img")),
                "the default QEMU image is not built (./lockstep test builds it as root: ./lockstep image)");
    }

    static JsonNode view(DatacenterEndToEndTest cli, String name) throws Exception {
        for (JsonNode v : cli.json("vm", "ls")) {
            if (v.path("name").asText().equals(name)) {
                return v;
            }
        }
        throw new AssertionError(name + " is not listed");
    }

    static JsonNode awaitState(DatacenterEndToEndTest cli, String name, String state, int seconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        JsonNode v = view(cli, name);
        while (!v.path("powerState").asText().equals(state) && System.nanoTime() < end) {
            Thread.sleep(150);
            v = view(cli, name);
        }
        assertEquals(state, v.path("powerState").asText(), v.toString());
        return v;
    }

    /** PING until PONG, for up to {@code seconds} (a TCG boot takes 5 s on a quiet machine, more on a busy one). */
    static void awaitPong(String address, int seconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        IOException last = null;
        while (System.nanoTime() < end) {
            try {
                if (ping(address, 2000).equals("+PONG")) {
                    return;
                }
            } catch (IOException e) {
                last = e;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the guest's Redis did not answer at " + address + ":6379 within " + seconds + " s: " + last);
    }

    /** One PING over RESP from this (the root) namespace: the reply line. */
    static String ping(String address, int timeoutMillis) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(address, 6379), timeoutMillis);
            s.setSoTimeout(timeoutMillis);
            OutputStream out = s.getOutputStream();
            out.write("*1\r\n$4\r\nPING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return line(s.getInputStream());
        }
    }

    /** A RESP line without its CR LF. */
    static String line(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int c; (c = in.read()) != '\n';) {
            if (c < 0) {
                throw new IOException("the guest closed the connection");
            }
            if (c != '\r') {
                b.append((char) c);
            }
        }
        return b.toString();
    }
}

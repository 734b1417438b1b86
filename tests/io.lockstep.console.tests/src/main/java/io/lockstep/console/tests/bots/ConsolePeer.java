package io.lockstep.console.tests.bots;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

import com.fasterxml.jackson.databind.JsonNode;

import io.lockstep.agent.Credentials;
import io.lockstep.agent.api.ConsoleView;
import io.lockstep.agent.api.HostInfo;
import io.lockstep.agent.api.MachineView;
import io.lockstep.agent.api.VmView;
import io.lockstep.agent.client.AgentClient;

/**
 * A local HTTPS peer that answers the agent routes the Serial Console view calls, as an agent running one QEMU VM
 * would: {@code GET /v1/host}, {@code GET /v1/vms/{vm}}, {@code GET|POST /v1/vms/{vm}/console} (the last
 * {@value #RING} bytes printed — with {@code ?after=N} only those after the first N — and how many were printed in
 * all, as the agent keeps them) and
 * {@code GET /v1/vms/{vm}/machine}; everything else is 404. Its certificate and operator token are made by the agent's
 * own {@link Credentials}; a request without the token is refused with 401. The test "prints" on the console with
 * {@link #print} and reads what was typed with {@link #typed}.
 */
public final class ConsolePeer implements AutoCloseable {

    /** What the agent keeps of a serial console (QemuMachine.SERIAL_RING). */
    public static final int RING = 256 * 1024;

    /** A VM as the peer lists it. */
    public record Vm(String name, String guest, String powerState, String address) {
    }

    private final Credentials credentials;
    private final SSLServerSocket server;
    private final Thread acceptor;
    private final String host;
    private final Map<String, Vm> vms = new LinkedHashMap<>();
    private ByteArrayOutputStream console = new ByteArrayOutputStream();
    private long pid = 4242;
    private final List<String> typed = new CopyOnWriteArrayList<>();
    private final AtomicInteger consoleReads = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong consoleBytesSent = new java.util.concurrent.atomic.AtomicLong();
    private final List<String> refused = new CopyOnWriteArrayList<>();
    private volatile boolean closed;
    /** Routes a test adds (path prefix → handler of the whole request target), asked before the peer's own. */
    private final Map<String, java.util.function.Function<String, Object>> extra = new java.util.concurrent.ConcurrentHashMap<>();

    /** An answer that is not JSON (the history as CSV). */
    public record Text(String contentType, byte[] bytes) {
    }

    /**
     * Answers GET requests whose path starts with {@code prefix} with {@code handler} (given the request target, path and
     * query): a record or map is sent as JSON, a {@link Text} as it is, null is 404; an IllegalArgumentException is a 400
     * with its message, an IllegalStateException a 409.
     */
    public void route(String prefix, java.util.function.Function<String, Object> handler) {
        extra.put(prefix, handler);
    }

    public ConsolePeer(Path dir, String host) throws Exception {
        this.host = host;
        credentials = Credentials.ensure(dir, host);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        char[] pass = credentials.keyStorePassword().toCharArray();
        try (InputStream in = Files.newInputStream(credentials.keyStore())) {
            ks.load(in, pass);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, pass);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        server = (SSLServerSocket) tls.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::accept, "console-peer");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public String url() {
        return "https://127.0.0.1:" + server.getLocalPort();
    }

    public String fingerprint() {
        return credentials.fingerprint();
    }

    public String token() {
        return credentials.token();
    }

    public synchronized void vm(Vm vm) {
        vms.put(vm.name(), vm);
    }

    /** Prints on the console (as the guest's serial port would). */
    public synchronized void print(String text) {
        console.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A new QEMU: its console starts from nothing (a power cycle or a revert). */
    public synchronized void restart() {
        console = new ByteArrayOutputStream();
        pid++;
    }

    /** Bytes printed since the console started. */
    public synchronized long printed() {
        return console.size();
    }

    /** Lines typed through POST /v1/vms/{vm}/console, in order. */
    public List<String> typed() {
        return List.copyOf(typed);
    }

    /** GET /v1/vms/{vm}/console answered so far. */
    public int consoleReads() {
        return consoleReads.get();
    }

    /** Bytes of console text sent in answers to GET /v1/vms/{vm}/console. */
    public long consoleBytesSent() {
        return consoleBytesSent.get();
    }

    /** Requests refused for a missing or wrong token. */
    public List<String> refused() {
        return List.copyOf(refused);
    }

    private void accept() {
        while (!closed) {
            try {
                Socket s = server.accept();
                Thread t = new Thread(() -> serve(s), "console-peer-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** One connection: HTTP/1.1 requests with bodies of Content-Length, answered with JSON, kept alive. */
    private void serve(Socket s) {
        try (s; InputStream raw = new BufferedInputStream(s.getInputStream()); OutputStream out = s.getOutputStream()) {
            while (!closed) {
                String requestLine = line(raw);
                if (requestLine == null || requestLine.isEmpty()) {
                    return;
                }
                Map<String, String> headers = new LinkedHashMap<>();
                for (String h; !(h = line(raw)).isEmpty();) {
                    int c = h.indexOf(':');
                    headers.put(h.substring(0, c).trim().toLowerCase(Locale.ROOT), h.substring(c + 1).trim());
                }
                int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
                byte[] body = raw.readNBytes(length);
                String[] parts = requestLine.split(" ");
                Object answer;
                int status = 200;
                if (!("Bearer " + credentials.token()).equals(headers.get("authorization"))) {
                    refused.add(requestLine);
                    status = 401;
                    answer = Map.of("error", "expected the operator token");
                } else {
                    try {
                        answer = route(parts[0], parts[1], body);
                        if (answer == null) {
                            status = 404;
                            answer = Map.of("error", "no such route on this peer: " + parts[0] + " " + parts[1]);
                        }
                    } catch (IllegalArgumentException e) {
                        status = 400;
                        answer = Map.of("error", e.getMessage());
                    } catch (IllegalStateException e) {
                        status = 409;
                        answer = Map.of("error", e.getMessage());
                    }
                }
                String type = "application/json";
                byte[] json;
                if (answer instanceof Text t) {
                    type = t.contentType();
                    json = t.bytes();
                } else {
                    json = AgentClient.mapper().writeValueAsBytes(answer);
                }
                out.write(("HTTP/1.1 " + status + " X\r\nContent-Type: " + type + "\r\nContent-Length: " + json.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(json);
                out.flush();
            }
        } catch (IOException | RuntimeException e) {
            // the client went away
        }
    }

    private Object route(String method, String target, byte[] body) throws IOException {
        for (Map.Entry<String, java.util.function.Function<String, Object>> e : extra.entrySet()) {
            if (method.equals("GET") && target.startsWith(e.getKey())) {
                return e.getValue().apply(target);
            }
        }
        return own(method, target, body);
    }

    private synchronized Object own(String method, String target, byte[] body) throws IOException {
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        long after = 0;
        if (q >= 0 && target.startsWith("after=", q + 1)) {
            after = Long.parseLong(target.substring(q + 7));
        }
        if (path.equals("/v1/host") && method.equals("GET")) {
            return new HostInfo(host, "00000000-0000-0000-0000-000000000001", "test", url(), fingerprint(), ProcessHandle.current().pid(), 0, 0, 1, 1,
                    true, null, null, null, 1, 0, null, 0);
        }
        String[] p = path.split("/"); // "", v1, vms, name, [console|machine]
        if (p.length < 4 || !p[1].equals("v1") || !p[2].equals("vms") || !vms.containsKey(p[3])) {
            return null;
        }
        Vm vm = vms.get(p[3]);
        boolean runs = vm.powerState().equals("poweredOn");
        if (p.length == 4 && method.equals("GET")) {
            return new VmView(vm.name(), vm.guest(), 256, 1024, 6379, null, List.of(), vm.powerState(), runs ? host : null, null, null, null, null,
                    vm.address(), null, null);
        }
        if (!vm.guest().startsWith("qemu")) {
            throw new IllegalStateException(vm.name() + " is a Java guest (" + vm.guest() + "): it has no serial console or QEMU; expected a QEMU guest");
        }
        if (!runs) {
            throw new IllegalStateException(vm.name() + " is not powered on at " + host);
        }
        if (p.length == 5 && p[4].equals("console")) {
            if (method.equals("POST")) {
                JsonNode j = AgentClient.mapper().readTree(body);
                String text = j.path("text").asText();
                typed.add(text);
                print(text.replace("\n", "\r\n")); // the guest's shell echoes what it reads
                if (text.startsWith("echo ")) {
                    print(text.substring(5).replace("\n", "\r\n"));
                }
                print("/ # ");
            } else {
                consoleReads.incrementAndGet();
            }
            byte[] all = console.toByteArray(); // the last RING bytes, or (?after=N) those after the first N of them, as the agent answers
            int from = (int) Math.min(all.length, Math.max(Math.max(0, all.length - RING), method.equals("GET") ? after : 0));
            if (method.equals("GET")) {
                consoleBytesSent.addAndGet(all.length - from);
            }
            return new ConsoleView(vm.name(), host, all.length, new String(all, from, all.length - from, StandardCharsets.UTF_8));
        }
        if (p.length == 5 && p[4].equals("machine") && method.equals("GET")) {
            return new MachineView(vm.name(), host, pid, "tcg", 12.25 + console.size() / 1e6, 188_743_680L, 1.0, "iqn.2026-12.io.lockstep.disk:" + vm.name(),
                    "127.0.0.1:3260", "iqn.2026-12.io.lockstep.vm:" + vm.name(), null, null, null);
        }
        return null;
    }

    /** One CRLF-ended header line, or null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        List<Byte> b = new ArrayList<>();
        for (int c; (c = in.read()) >= 0;) {
            if (c == '\n') {
                byte[] a = new byte[b.size()];
                for (int i = 0; i < a.length; i++) {
                    a[i] = b.get(i);
                }
                String s = new String(a, StandardCharsets.US_ASCII);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            b.add((byte) c);
        }
        return b.isEmpty() ? null : "";
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // closing
        }
    }
}

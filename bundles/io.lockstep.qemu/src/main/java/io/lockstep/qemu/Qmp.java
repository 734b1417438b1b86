package io.lockstep.qemu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A QMP (QEMU Machine Protocol) client on a unix domain socket.
 *
 * <p>{@link #connect} reads QEMU's greeting and negotiates capabilities. {@link #execute} sends a command with an
 * {@code id} and waits for the answer with that id, never longer than its timeout: a hung or stopped QEMU gives a
 * {@link QmpTimeoutException}, not a hang. Commands are written by one writer thread, so a QEMU that stopped reading
 * blocks no caller. One reader thread reads everything QEMU sends; answers go to their callers,
 * asynchronous events to the listeners (on one event thread, in arrival order, so a listener may itself call
 * {@link #execute}) and into a ring of the last {@value #EVENT_RING} events. Callers may share one client across threads.
 */
public final class Qmp implements AutoCloseable {
    /** How many recent events {@link #recentEvents()} keeps. */
    public static final int EVENT_RING = 64;
    /** The timeout of {@link #execute(String)} and {@link #execute(String, Map)}. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    static final ObjectMapper JSON = new ObjectMapper();

    private final String label;
    private final SocketChannel channel;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final CompletableFuture<JsonNode> greeting = new CompletableFuture<>();
    private final List<Consumer<QmpEvent>> listeners = new CopyOnWriteArrayList<>();
    private final ArrayDeque<QmpEvent> ring = new ArrayDeque<>();
    private final ExecutorService eventThread;
    private final ExecutorService writer;
    private final Thread reader;
    private long eventSeq;
    private volatile String closedBecause;

    private record Pending(String command, CompletableFuture<JsonNode> answer) {
    }

    private Qmp(String label, SocketChannel channel) {
        this.label = label;
        this.channel = channel;
        this.eventThread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "qmp-events-" + label);
            t.setDaemon(true);
            return t;
        });
        this.writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "qmp-writer-" + label);
            t.setDaemon(true);
            return t;
        });
        this.reader = new Thread(this::readLoop, "qmp-reader-" + label);
        reader.setDaemon(true);
    }

    /**
     * Connects to QEMU's QMP socket, reads the greeting and sends {@code qmp_capabilities}. Retries the connection
     * while the socket does not exist yet or refuses (QEMU still starting), until {@code timeout}; the greeting and the
     * capabilities answer must also come within it.
     *
     * @param label a name for threads and messages (the machine's name)
     */
    public static Qmp connect(Path socket, String label, Duration timeout) throws IOException {
        return connect(socket, label, timeout, () -> true);
    }

    /** {@link #connect(Path, String, Duration)} that gives up as soon as {@code peerAlive} says QEMU has exited. */
    public static Qmp connect(Path socket, String label, Duration timeout, BooleanSupplier peerAlive)
            throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        SocketChannel ch = null;
        IOException last = null;
        while (ch == null) {
            if (Files.exists(socket)) {
                SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX);
                try {
                    c.connect(UnixDomainSocketAddress.of(socket));
                    ch = c;
                    break;
                } catch (IOException e) {
                    c.close();
                    last = e;
                }
            }
            if (!peerAlive.getAsBoolean()) {
                throw new IOException("QMP socket " + socket + " of " + label + ": QEMU exited before it listened");
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IOException("QMP socket " + socket + " of " + label + ": expected QEMU to listen within "
                        + timeout.toMillis() + " ms, found " + (Files.exists(socket)
                        ? "the socket refusing connections (" + (last == null ? "?" : last.getMessage()) + ")"
                        : "no socket"), last);
            }
            sleep(20);
        }
        Qmp qmp = new Qmp(label, ch);
        qmp.reader.start();
        try {
            long left = Math.max(1, deadline - System.nanoTime());
            try {
                qmp.greeting.get(left, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                throw new QmpTimeoutException("greeting", timeout);
            } catch (ExecutionException e) {
                throw new QmpException("greeting", "no greeting: " + e.getCause().getMessage(), e.getCause());
            }
            qmp.execute("qmp_capabilities", Map.of(), Duration.ofNanos(Math.max(1, deadline - System.nanoTime()))
                    .plusMillis(100));
            return qmp;
        } catch (IOException | RuntimeException e) {
            qmp.close();
            throw e;
        } catch (InterruptedException e) {
            qmp.close();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while connecting to QMP of " + label, e);
        }
    }

    /** QEMU's greeting: {@code {"QMP": {"version": …, "capabilities": …}}}. */
    public JsonNode greeting() {
        return greeting.getNow(null);
    }

    /** QEMU's version from the greeting, "7.2.22". */
    public String qemuVersion() {
        JsonNode v = greeting().path("QMP").path("version").path("qemu");
        return v.path("major").asInt() + "." + v.path("minor").asInt() + "." + v.path("micro").asInt();
    }

    /** {@link #execute(String, Map, Duration)} without arguments and with {@link #DEFAULT_TIMEOUT}. */
    public JsonNode execute(String command) throws QmpException {
        return execute(command, Map.of(), DEFAULT_TIMEOUT);
    }

    /** {@link #execute(String, Map, Duration)} with {@link #DEFAULT_TIMEOUT}. */
    public JsonNode execute(String command, Map<String, ?> args) throws QmpException {
        return execute(command, args, DEFAULT_TIMEOUT);
    }

    /**
     * Runs one QMP command and returns its {@code return} value.
     *
     * @param args    the command's arguments (anything Jackson can turn into JSON); empty for none
     * @param timeout how long to wait for the answer
     * @throws QmpException        QEMU's error answer (its class and description), or the connection closed
     * @throws QmpTimeoutException no answer within {@code timeout}
     */
    public JsonNode execute(String command, Map<String, ?> args, Duration timeout) throws QmpException {
        Objects.requireNonNull(command, "command");
        if (closedBecause != null) {
            throw new QmpException(command, "connection closed: " + closedBecause, (Throwable) null);
        }
        long id = ids.incrementAndGet();
        ObjectNode msg = JSON.createObjectNode();
        msg.put("execute", command);
        if (args != null && !args.isEmpty()) {
            msg.set("arguments", JSON.valueToTree(args));
        }
        msg.put("id", id);
        Pending p = new Pending(command, new CompletableFuture<>());
        pending.put(id, p);
        try {
            byte[] bytes = (msg.toString() + "\n").getBytes(StandardCharsets.UTF_8);
            // written by the writer thread: a QEMU that stopped reading (SIGSTOP, its socket buffer full) blocks that
            // thread, never the caller, whose wait below still ends at its timeout
            try {
                writer.execute(() -> {
                    try {
                        ByteBuffer buf = ByteBuffer.wrap(bytes);
                        while (buf.hasRemaining()) {
                            channel.write(buf);
                        }
                    } catch (IOException e) {
                        p.answer.completeExceptionally(new IOException("cannot send: " + e.getMessage(), e));
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                p.answer.completeExceptionally(new IOException("connection closed: " + closedBecause));
            }
            // the reader may have closed the connection between the check above and put(): it fails what it finds
            if (closedBecause != null) {
                p.answer.completeExceptionally(new IOException("connection closed: " + closedBecause));
            }
            JsonNode answer = p.answer.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            JsonNode error = answer.get("error");
            if (error != null) {
                throw new QmpException(command, error.path("class").asText("?"), error.path("desc").asText(""));
            }
            return answer.path("return");
        } catch (TimeoutException e) {
            throw new QmpTimeoutException(command, timeout);
        } catch (ExecutionException e) {
            throw new QmpException(command, e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QmpException(command, "interrupted while waiting for the answer", e);
        } finally {
            pending.remove(id);
        }
    }

    /** Adds a listener for asynchronous events; it runs on this client's event thread. */
    public void addEventListener(Consumer<QmpEvent> listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    public void removeEventListener(Consumer<QmpEvent> listener) {
        listeners.remove(listener);
    }

    /** The last {@value #EVENT_RING} events, oldest first. */
    public List<QmpEvent> recentEvents() {
        synchronized (ring) {
            return new ArrayList<>(ring);
        }
    }

    /** The sequence number of the newest event received (0 before any); pass it to {@link #awaitEvent}. */
    public long lastEventSeq() {
        synchronized (ring) {
            return eventSeq;
        }
    }

    /**
     * Waits for an event named {@code name} that arrived after event {@code afterSeq} (from {@link #lastEventSeq()}
     * taken before the action that causes it).
     *
     * @throws QmpTimeoutException when none arrives within {@code timeout}
     */
    public QmpEvent awaitEvent(String name, long afterSeq, Duration timeout) throws QmpException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (ring) {
            while (true) {
                for (QmpEvent e : ring) {
                    if (e.seq() > afterSeq && e.name().equals(name)) {
                        return e;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new QmpTimeoutException("event " + name, timeout);
                }
                if (closedBecause != null) {
                    throw new QmpException("event " + name, "connection closed: " + closedBecause, (Throwable) null);
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(ring, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new QmpException("event " + name, "interrupted", e);
                }
            }
        }
    }

    /** Whether the connection is still open (false after {@link #close()} or once QEMU closed it). */
    public boolean isOpen() {
        return closedBecause == null;
    }

    /** Closes the connection; callers still waiting get a {@link QmpException}. Idempotent. */
    @Override
    public void close() {
        shutDown("closed by us");
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing
        }
        eventThread.shutdown();
        writer.shutdown();
    }

    /**
     * Waits until the connection is closed — by QEMU exiting, or by {@link #close()} — so that everything QEMU sent
     * before (its last events) has been read.
     *
     * @return whether it closed within {@code timeout}
     */
    public boolean awaitClosed(Duration timeout) {
        try {
            reader.join(Math.max(1, timeout.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !reader.isAlive();
    }

    private void readLoop() {
        ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        String why = "QEMU closed the connection";
        try {
            while (true) {
                buf.clear();
                int n = channel.read(buf);
                if (n < 0) {
                    break;
                }
                byte[] a = buf.array();
                for (int i = 0; i < n; i++) {
                    if (a[i] == '\n') {
                        handle(line.toString(StandardCharsets.UTF_8).trim());
                        line.reset();
                    } else {
                        line.write(a[i]);
                    }
                }
            }
        } catch (IOException e) {
            why = closedBecause != null ? closedBecause : "read failed: " + e;
        } catch (RuntimeException e) {
            why = "reader failed: " + e;
        }
        shutDown(why);
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing
        }
        writer.shutdown();
    }

    private void handle(String text) {
        if (text.isEmpty()) {
            return;
        }
        JsonNode msg;
        try {
            msg = JSON.readTree(text);
        } catch (IOException e) {
            // not JSON: QMP never sends that; keep reading rather than losing the connection
            return;
        }
        if (msg.has("QMP")) {
            greeting.complete(msg);
        } else if (msg.has("event")) {
            QmpEvent ev;
            synchronized (ring) {
                JsonNode ts = msg.path("timestamp");
                ev = new QmpEvent(++eventSeq, msg.get("event").asText(),
                        msg.has("data") ? msg.get("data") : JSON.createObjectNode(),
                        ts.path("seconds").asLong() * 1_000_000L + ts.path("microseconds").asLong());
                if (ring.size() == EVENT_RING) {
                    ring.removeFirst();
                }
                ring.addLast(ev);
                ring.notifyAll();
            }
            if (!listeners.isEmpty()) {
                try {
                    eventThread.execute(() -> {
                        for (Consumer<QmpEvent> l : listeners) {
                            try {
                                l.accept(ev);
                            } catch (RuntimeException e) {
                                // one listener's failure must not cost the others their events
                            }
                        }
                    });
                } catch (java.util.concurrent.RejectedExecutionException closing) {
                    // closed meanwhile
                }
            }
        } else if (msg.has("id")) {
            Pending p = pending.get(msg.get("id").asLong());
            if (p != null) {
                p.answer.complete(msg);
            }
        }
    }

    private void shutDown(String why) {
        synchronized (ring) {
            if (closedBecause == null) {
                closedBecause = why;
            }
            ring.notifyAll();
        }
        IOException e = new IOException("connection closed: " + closedBecause);
        greeting.completeExceptionally(e);
        for (Pending p : pending.values()) {
            p.answer.completeExceptionally(e);
        }
    }

    private static void sleep(long ms) throws IOException {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    @Override
    public String toString() {
        return "Qmp[" + label + (isOpen() ? "" : ", closed: " + closedBecause) + "]";
    }
}

package io.lockstep.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import io.lockstep.agent.api.ErrorView;

/**
 * Serves {@link Api} over HTTPS with Jetty: TLS with the agent's self-signed certificate. Every request is routed and
 * authenticated on its headers alone (the operator's bearer token, compared in constant time, or a peer's signature,
 * whose body hash is checked once the body is in) before any byte of its body is read: an unknown caller is answered
 * 401 and the connection closed. Bodies over {@value #MAX_BODY} bytes are refused with 413 (an authenticated
 * caller's excess is read and dropped, up to {@value #DRAIN} bytes, so it reads the answer); a body must arrive within
 * {@value #BODY_DEADLINE_MILLIS} ms (else 408 and the connection closed), a connection idle for
 * {@value #IDLE_TIMEOUT_MILLIS} ms is closed, at most {@value #MAX_CONNECTIONS} are open at once, and at most
 * {@link #CONCURRENT} requests are worked on at once (others wait up to {@value #ADMISSION_WAIT_SECONDS} s, then 503).
 * Refusals are logged with the caller's address; errors as {@code {"error": …, "field": …}}; the event stream as
 * server-sent events.
 */
public final class ApiServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ApiServer.class.getName());
    public static final int MAX_BODY = 1 << 20;
    static final long DRAIN = 64L << 20;
    /** A request's body must have arrived this long after its headers (property {@code lockstep.api.bodyDeadlineMillis}). */
    static final long BODY_DEADLINE_MILLIS = 10_000;
    /** A connection that sends nothing for this long is closed (TLS handshake, headers, keep-alive). */
    static final long IDLE_TIMEOUT_MILLIS = 10_000;
    /** At most this many connections are open at once; beyond that the agent stops accepting until one closes. */
    static final int MAX_CONNECTIONS = 256;
    /** A request waits this long for its turn among the {@link #CONCURRENT} being worked on, then is answered 503. */
    static final int ADMISSION_WAIT_SECONDS = 60;
    private static final java.util.concurrent.ScheduledExecutorService DEADLINES = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "agent-api-deadlines");
        t.setDaemon(true);
        return t;
    });
    private final long bodyDeadlineMillis = Long.getLong("lockstep.api.bodyDeadlineMillis", BODY_DEADLINE_MILLIS);

    private final Agent agent;
    private final Api api;
    private final Server server;
    private final ServerConnector connector;
    private final byte[] token;
    /** At most this many requests are worked on at once (the event streams aside); the rest wait their turn without using CPU. */
    static final int CONCURRENT = Math.max(2, Runtime.getRuntime().availableProcessors());
    private final java.util.concurrent.Semaphore admission = new java.util.concurrent.Semaphore(CONCURRENT, true);

    public ApiServer(Agent agent) throws Exception {
        this.agent = agent;
        this.api = new Api(agent);
        this.token = agent.credentials().token().getBytes(StandardCharsets.US_ASCII);
        QueuedThreadPool pool = new QueuedThreadPool(200, 8);
        pool.setName("agent-api");
        pool.setDaemon(true);
        pool.setThreadsPriority(Thread.MIN_PRIORITY); // the control plane yields to VMs and FT replication (docs/agent.md)
        server = new Server(pool);
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(agent.credentials().keyStore().toAbsolutePath().toString());
        ssl.setKeyStorePassword(agent.credentials().keyStorePassword());
        ssl.setKeyStoreType("PKCS12");
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false); // clients pin the certificate; they connect by address
        http.addCustomizer(secure);
        connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(http));
        connector.setHost(agent.config().listenHost());
        connector.setPort(agent.config().listenPort());
        connector.setIdleTimeout(Long.getLong("lockstep.api.idleTimeoutMillis", IDLE_TIMEOUT_MILLIS));
        server.addConnector(connector);
        server.addBean(new org.eclipse.jetty.server.ConnectionLimit(MAX_CONNECTIONS, server));
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                serve(request, response, callback);
                return true;
            }
        });
        server.start();
    }

    public String url() {
        String host = agent.config().listenHost().contains(":") ? "[" + agent.config().listenHost() + "]" : agent.config().listenHost();
        return "https://" + host + ":" + connector.getLocalPort();
    }

    public int port() {
        return connector.getLocalPort();
    }

    private void serve(Request request, Response response, Callback callback) {
        String method = request.getMethod();
        String path = request.getHttpURI().getDecodedPath();
        String query = request.getHttpURI().getQuery();
        String from = Request.getRemoteAddr(request) + ":" + Request.getRemotePort(request);
        boolean bodyRead = false;
        boolean authenticated = false;
        try {
            // what the headers alone decide comes first: the route, the caller, the declared size; no byte of a body
            // is read (nor any thread held waiting for one) for a caller who is not who they must be
            Api.Match match = api.match(method, path == null ? "/" : path);
            String auth = request.getHeaders().get(HttpHeader.AUTHORIZATION);
            PeerAuth.Claim claim = null;
            if (match.route().caller() == Api.Caller.PEER) {
                claim = agent.peerAuth().check(auth, method, path + (query == null ? "" : "?" + query));
            } else {
                checkToken(auth);
            }
            authenticated = true;
            long length = request.getLength();
            if (length > MAX_BODY) {
                throw new ApiException(413, "the body is " + length + " bytes; at most " + MAX_BODY + " are accepted", null);
            }
            Map<String, String> q = queryParameters(request);
            byte[] body = readBody(request);
            bodyRead = true;
            String peer = claim == null ? null : agent.peerAuth().accept(claim, body);
            Object result;
            if (isStream(match)) {
                result = match.route().action().run(new Api.Call(match.params(), q, body, peer));
            } else {
                if (!admission.tryAcquire(ADMISSION_WAIT_SECONDS, java.util.concurrent.TimeUnit.SECONDS)) {
                    throw new ApiException(503, "the agent is busy: " + CONCURRENT + " requests have been at work for more than "
                            + ADMISSION_WAIT_SECONDS + " s; try again", null);
                }
                try {
                    result = match.route().action().run(new Api.Call(match.params(), q, body, peer));
                } finally {
                    admission.release();
                }
            }
            if (result == Api.STREAM) {
                stream(request, response, callback);
                return;
            }
            int status = 200;
            if (result instanceof Api.Reply r) {
                status = r.status();
                result = r.body();
            }
            send(response, callback, status, result);
        } catch (ApiException e) {
            if (e.status() == 401) {
                LOG.log(System.Logger.Level.WARNING, "401 " + method + " " + Names.printable(String.valueOf(path)) + " from " + from + ": " + e.getMessage());
                response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"lockstep\"");
            }
            if (!bodyRead && request.getLength() != 0) {
                if (authenticated && e.status() == 413) {
                    drain(request); // an operator's (or peer's) oversized body is read and dropped, within the deadline, so it reads the 413
                }
                // the body (declared or chunked) is not read for an unknown caller: the connection cannot carry another request
                response.getHeaders().put(HttpHeader.CONNECTION, "close");
            }
            send(response, callback, e.status(), new ErrorView(e.getMessage(), e.field(), e.status()));
        } catch (Throwable t) {
            if (!bodyRead) {
                response.getHeaders().put(HttpHeader.CONNECTION, "close");
            }
            if (isTooLarge(t)) {
                send(response, callback, 413, new ErrorView("the body is larger than " + MAX_BODY + " bytes, the most that is accepted", null, 413));
                return;
            }
            if (t instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.log(System.Logger.Level.ERROR, method + " " + path + " failed", t);
            send(response, callback, 500, new ErrorView(t.getMessage() == null ? t.toString() : t.getMessage(), null, 500));
        }
    }

    /** The query's parameters; one that does not decode (a stray '%', bad UTF-8) is a 400, not a 500. */
    private static Map<String, String> queryParameters(Request request) {
        Map<String, String> q = new LinkedHashMap<>();
        Fields fields;
        try {
            fields = Request.extractQueryParameters(request);
        } catch (RuntimeException e) {
            throw ApiException.badRequest("query", "query: expected name=value pairs, percent-encoded UTF-8, found '"
                    + Names.printable(String.valueOf(request.getHttpURI().getQuery())) + "' (" + e.getMessage() + ")");
        }
        for (Fields.Field f : fields) {
            q.put(f.getName(), f.getValue());
        }
        return q;
    }

    private static boolean isStream(Api.Match m) {
        return m.route().pattern().equals("/v1/events");
    }

    private static boolean isTooLarge(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof org.eclipse.jetty.http.HttpException h && h.getCode() == 413) {
                return true;
            }
        }
        return false;
    }

    private void checkToken(String auth) {
        if (auth == null) {
            throw new ApiException(401, "expected an Authorization: Bearer <token> header (the token is in the file the agent printed at "
                    + "start, " + agent.credentials().tokenFile().toAbsolutePath() + "), found none", null);
        }
        if (!auth.startsWith("Bearer ")) {
            throw new ApiException(401, "expected Authorization: Bearer <token>, found the scheme '" + Names.printable(auth.split(" ")[0]) + "'", null);
        }
        byte[] given = auth.substring(7).trim().getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(given, token)) {
            throw new ApiException(401, "the bearer token is wrong (see " + agent.credentials().tokenFile().toAbsolutePath() + ")", null);
        }
    }

    /**
     * The body, at most {@link #MAX_BODY} bytes, read within {@link #bodyDeadlineMillis} of its first byte being asked
     * for: a client that trickles it (a byte now and then, each inside the idle timeout) loses its connection at the
     * deadline instead of holding a thread for as long as it likes.
     */
    private byte[] readBody(Request request) throws IOException {
        if (request.getLength() == 0) {
            return new byte[0];
        }
        java.util.concurrent.atomic.AtomicBoolean late = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.ScheduledFuture<?> deadline = closeAtDeadline(request, late);
        try {
            InputStream in = Content.Source.asInputStream(request);
            byte[] b = in.readNBytes(MAX_BODY + 1);
            if (b.length > MAX_BODY) {
                throw new ApiException(413, "the body is larger than " + MAX_BODY + " bytes, the most that is accepted", null);
            }
            return b;
        } catch (IOException | RuntimeException e) {
            if (late.get()) {
                throw new ApiException(408, "the body did not arrive within " + bodyDeadlineMillis + " ms; the connection was closed", null);
            }
            throw e;
        } finally {
            deadline.cancel(false);
        }
    }

    /** Closes the request's connection {@link #bodyDeadlineMillis} from now (setting {@code late}) unless the returned future is cancelled first. */
    private java.util.concurrent.ScheduledFuture<?> closeAtDeadline(Request request, java.util.concurrent.atomic.AtomicBoolean late) {
        var endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
        return DEADLINES.schedule(() -> {
            late.set(true);
            endPoint.close();
        }, bodyDeadlineMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** Reads and drops what is left of a refused body (up to {@link #DRAIN} bytes, within the body deadline) so the client reads the refusal. */
    private void drain(Request request) {
        java.util.concurrent.ScheduledFuture<?> deadline = closeAtDeadline(request, new java.util.concurrent.atomic.AtomicBoolean());
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] sink = new byte[1 << 16];
            long total = 0;
            for (int n; total < DRAIN && (n = in.read(sink)) > 0;) {
                total += n;
            }
        } catch (IOException | RuntimeException e) {
            // the client went away, or the deadline closed it
        } finally {
            deadline.cancel(false);
        }
    }

    private static void send(Response response, Callback callback, int status, Object body) {
        if (body instanceof Api.Text t) { // an answer that is not JSON (the history as CSV)
            response.setStatus(status);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, t.contentType());
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            response.write(true, java.nio.ByteBuffer.wrap(t.bytes()), callback);
            return;
        }
        try {
            byte[] bytes = Json.MAPPER.writeValueAsBytes(body);
            response.setStatus(status);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            response.write(true, java.nio.ByteBuffer.wrap(bytes), callback);
        } catch (IOException e) {
            callback.failed(e);
        }
    }

    /** The event stream: events after {@code Last-Event-ID} (or {@code ?after=}), then each new one; a comment every 15 s keeps it open. */
    private void stream(Request request, Response response, Callback callback) {
        long after = 0;
        HttpField last = request.getHeaders().getField("Last-Event-ID");
        String q = Request.extractQueryParameters(request).getValue("after");
        try {
            if (last != null) {
                after = Long.parseLong(last.getValue().trim());
            } else if (q != null) {
                after = Long.parseLong(q);
            } else {
                after = agent.events().lastId();
            }
        } catch (NumberFormatException e) {
            send(response, callback, 400, new ErrorView("Last-Event-ID: expected an event number", "Last-Event-ID", 400));
            return;
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        try (Events.Subscription sub = agent.events().subscribe(after); OutputStream out = Content.Sink.asOutputStream(response)) {
            out.write((": lockstep agent " + agent.host() + " events\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            while (server.isRunning()) {
                Events.Event e = sub.next(15_000);
                if (sub.overflowed()) {
                    out.write(": this client fell behind; reconnect with Last-Event-ID\n\n".getBytes(StandardCharsets.UTF_8));
                    break;
                }
                if (e == null) {
                    out.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
                } else {
                    String data = Json.MAPPER.writeValueAsString(e);
                    out.write(("id: " + e.id() + "\nevent: " + e.type() + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
                }
                out.flush();
            }
            callback.succeeded();
        } catch (IOException | RuntimeException e) {
            callback.failed(e); // the client went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            callback.failed(e);
        }
    }

    Api api() {
        return api;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}

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
 * Serves {@link Api} over HTTPS with Jetty: TLS with the agent's self-signed certificate, on loopback only;
 * bodies over {@value #MAX_BODY} bytes refused with 413 (never held in memory: the excess is read and dropped, up
 * to {@value #DRAIN} bytes, so that the client reads the answer; beyond that the connection is closed); every request authenticated (the
 * operator's bearer token, compared in constant time, or a peer's signature); refusals logged with the caller's
 * address; errors as {@code {"error": …, "field": …}}; the event stream as server-sent events.
 */
public final class ApiServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ApiServer.class.getName());
    public static final int MAX_BODY = 1 << 20;
    static final long DRAIN = 64L << 20;

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
        server.addConnector(connector);
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
        try {
            long length = request.getLength();
            if (length > MAX_BODY) {
                drain(request);
                throw new ApiException(413, "the body is " + length + " bytes; at most " + MAX_BODY + " are accepted", null);
            }
            byte[] body = readBody(request);
            Api.Match match = api.match(method, path == null ? "/" : path);
            String peer = null;
            String auth = request.getHeaders().get(HttpHeader.AUTHORIZATION);
            if (match.route().caller() == Api.Caller.PEER) {
                String signed = path + (query == null ? "" : "?" + query);
                peer = agent.peerAuth().verify(auth, method, signed, body);
            } else {
                checkToken(auth);
            }
            Map<String, String> q = new LinkedHashMap<>();
            Fields fields = Request.extractQueryParameters(request);
            for (Fields.Field f : fields) {
                q.put(f.getName(), f.getValue());
            }
            Object result;
            if (isStream(match)) {
                result = match.route().action().run(new Api.Call(match.params(), q, body, peer));
            } else {
                admission.acquire();
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
                LOG.log(System.Logger.Level.WARNING, "401 " + method + " " + path + " from " + from + ": " + e.getMessage());
            }
            if (e.status() == 401) {
                response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"lockstep\"");
            }
            send(response, callback, e.status(), new ErrorView(e.getMessage(), e.field(), e.status()));
        } catch (Throwable t) {
            if (isTooLarge(t)) {
                send(response, callback, 413, new ErrorView("the body is larger than " + MAX_BODY + " bytes, the most that is accepted", null, 413));
                return;
            }
            LOG.log(System.Logger.Level.ERROR, method + " " + path + " failed", t);
            send(response, callback, 500, new ErrorView(t.getMessage() == null ? t.toString() : t.getMessage(), null, 500));
        }
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

    private static byte[] readBody(Request request) throws IOException {
        InputStream in = Content.Source.asInputStream(request);
        byte[] b = in.readNBytes(MAX_BODY + 1);
        if (b.length > MAX_BODY) {
            drain(request);
            throw new ApiException(413, "the body is larger than " + MAX_BODY + " bytes, the most that is accepted", null);
        }
        return b;
    }

    /** Reads and drops what is left of a refused body (up to {@link #DRAIN} bytes) so the client gets to read the refusal. */
    private static void drain(Request request) {
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] sink = new byte[1 << 16];
            long total = 0;
            for (int n; total < DRAIN && (n = in.read(sink)) > 0;) {
                total += n;
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static void send(Response response, Callback callback, int status, Object body) {
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

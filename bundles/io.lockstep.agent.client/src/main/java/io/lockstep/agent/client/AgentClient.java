package io.lockstep.agent.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Predicate;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;


/**
 * A client of one agent's API: HTTPS with the agent's certificate pinned by its SHA-256 fingerprint (no CA, no
 * host name check: the pin is the trust), and either the operator's bearer token or, between agents, requests
 * signed with the datacenter secret. Errors come back as {@link AgentException} with the agent's message.
 */
public final class AgentClient {

    /** The agent answered with an error status (or could not be reached: status 0). */
    public static final class AgentException extends IOException {
        private static final long serialVersionUID = 1L;
        private final int status;
        private final String field;

        public AgentException(int status, String message, String field) {
            super(message);
            this.status = status;
            this.field = field;
        }

        public int status() {
            return status;
        }

        public String field() {
            return field;
        }
    }

    /** Tolerant on input: an agent newer than this client may answer with fields it does not know. */
    private static final ObjectMapper MAPPER = new ObjectMapper().disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final URI base;
    private final String token;
    private final RequestSigner signer;
    private final HttpClient http;
    private final Duration timeout;

    private AgentClient(String url, String fingerprint, String token, RequestSigner signer, Duration timeout) {
        this.base = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        if (!"https".equals(base.getScheme())) {
            throw new IllegalArgumentException("agent URL: expected https://HOST:PORT, found " + url);
        }
        this.token = token;
        this.signer = signer;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().sslContext(pinned(fingerprint)).connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    public static AgentClient operator(String url, String fingerprint, String token) {
        return new AgentClient(url, fingerprint, token, null, Duration.ofSeconds(60));
    }

    public static AgentClient peer(String url, String fingerprint, RequestSigner signer) {
        return new AgentClient(url, fingerprint, null, signer, Duration.ofSeconds(30));
    }

    public URI base() {
        return base;
    }

    public JsonNode get(String path) throws IOException {
        return call("GET", path, null);
    }

    public JsonNode post(String path, Object body) throws IOException {
        return call("POST", path, body == null ? Map.of() : body);
    }

    public JsonNode delete(String path) throws IOException {
        return call("DELETE", path, null);
    }

    /** GET {@code path}, read as {@code type} (a record of {@code io.lockstep.agent.api}). */
    public <T> T get(String path, Class<T> type) throws IOException {
        return read(get(path), type, "GET " + path);
    }

    /** GET {@code path}, a list of {@code element}s. */
    public <T> java.util.List<T> list(String path, Class<T> element) throws IOException {
        JsonNode json = get(path);
        java.util.List<T> out = new java.util.ArrayList<>();
        for (JsonNode e : json) {
            out.add(read(e, element, "GET " + path));
        }
        return out;
    }

    public <T> T post(String path, Object body, Class<T> type) throws IOException {
        return read(post(path, body), type, "POST " + path);
    }

    public <T> T put(String path, Object body, Class<T> type) throws IOException {
        return read(call("PUT", path, body), type, "PUT " + path);
    }

    public <T> T delete(String path, Class<T> type) throws IOException {
        return read(delete(path), type, "DELETE " + path);
    }

    /** {@code json} as {@code type}; an answer that does not fit says so, naming the call. */
    public static <T> T read(JsonNode json, Class<T> type, String what) throws IOException {
        try {
            return MAPPER.treeToValue(json, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AgentException(0, what + ": expected " + type.getSimpleName() + ", found an answer that does not fit: "
                    + e.getOriginalMessage(), null);
        }
    }

    public JsonNode call(String method, String path, Object body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : MAPPER.writeValueAsBytes(body);
        HttpResponse<String> r = send(method, path, bytes, Map.of());
        JsonNode json;
        try {
            json = r.body().isEmpty() ? NullNode.getInstance() : MAPPER.readTree(r.body());
        } catch (IOException e) {
            throw new AgentException(r.statusCode(), "the agent at " + base + " answered " + r.statusCode() + " with something that is not JSON: "
                    + r.body().substring(0, Math.min(200, r.body().length())), null);
        }
        if (r.statusCode() >= 400) {
            String field = json.path("field").isTextual() ? json.path("field").asText() : null;
            throw new AgentException(r.statusCode(), json.path("error").asText("HTTP " + r.statusCode()), field);
        }
        return json;
    }

    /** GET of an answer that is not JSON (the history as CSV): its text; an error answer is thrown with the agent's words. */
    public String text(String path) throws IOException {
        HttpResponse<String> r = send("GET", path, new byte[0], Map.of());
        if (r.statusCode() >= 400) {
            JsonNode json;
            try {
                json = MAPPER.readTree(r.body());
            } catch (IOException e) {
                json = NullNode.getInstance();
            }
            throw new AgentException(r.statusCode(), json.path("error").asText("HTTP " + r.statusCode()),
                    json.path("field").isTextual() ? json.path("field").asText() : null);
        }
        return r.body();
    }

    /** One request as given (for tests and tools): the response whatever its status. Signed when this is a peer client. */
    public HttpResponse<String> send(String method, String path, byte[] body, Map<String, String> headers) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                .method(method, body.length == 0 && !method.equals("POST") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body.length > 0 || method.equals("POST")) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        } else if (signer != null) {
            b.header("Authorization", signer.sign(method, path, body));
        }
        headers.forEach(b::setHeader);
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AgentException(0, "interrupted while calling " + base, null);
        } catch (IOException e) {
            throw new AgentException(0, "the agent at " + base + " does not answer (" + (e.getMessage() == null ? e.toString() : e.getMessage()) + ")",
                    null);
        }
    }

    /**
     * Follows the agent's event stream (server-sent events) from after event {@code afterId}, handing each event's
     * JSON to {@code handler} until it returns false or the stream ends.
     */
    public void events(long afterId, Predicate<JsonNode> handler) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve("/v1/events")).header("Accept", "text/event-stream")
                .header("Last-Event-ID", Long.toString(afterId)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<java.io.InputStream> r;
        try {
            r = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AgentException(0, "interrupted", null);
        }
        if (r.statusCode() != 200) {
            String text = new String(r.body().readAllBytes(), StandardCharsets.UTF_8);
            throw new AgentException(r.statusCode(), "the event stream was refused: " + text, null);
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            StringBuilder data = new StringBuilder();
            for (String line; (line = in.readLine()) != null;) {
                if (line.startsWith("data:")) {
                    data.append(line.substring(5).trim());
                } else if (line.isEmpty() && data.length() > 0) {
                    JsonNode e = MAPPER.readTree(data.toString());
                    data.setLength(0);
                    if (!handler.test(e)) {
                        return;
                    }
                }
            }
        }
    }

    /** The event stream as {@link io.lockstep.agent.api.EventView}s (an event that does not read as one ends the stream, saying so). */
    public void eventViews(long afterId, Predicate<io.lockstep.agent.api.EventView> handler) throws IOException {
        IOException[] bad = {null};
        events(afterId, json -> {
            try {
                return handler.test(read(json, io.lockstep.agent.api.EventView.class, "the event stream"));
            } catch (IOException e) {
                bad[0] = e;
                return false;
            }
        });
        if (bad[0] != null) {
            throw bad[0];
        }
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** An SSL context that trusts exactly the certificate whose SHA-256 fingerprint is {@code fingerprint}. */
    public static SSLContext pinned(String fingerprint) {
        String want = normalize(fingerprint);
        if (!want.matches("[0-9A-F]{64}")) {
            throw new IllegalArgumentException("certificate fingerprint: expected 32 hex bytes (SHA-256), found '" + fingerprint + "'");
        }
        X509ExtendedTrustManager tm = new X509ExtendedTrustManager() {
            private void check(X509Certificate[] chain) throws CertificateException {
                if (chain == null || chain.length == 0) {
                    throw new CertificateException("the agent sent no certificate");
                }
                String got = normalize(fingerprint(chain[0].getEncoded()));
                if (!got.equals(want)) {
                    throw new CertificateException("the agent's certificate has SHA-256 fingerprint " + got + "; the pinned one is " + want);
                }
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
                check(chain);
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
                check(chain);
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                check(chain);
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
                throw new CertificateException("not a server");
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
                throw new CertificateException("not a server");
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                throw new CertificateException("not a server");
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {tm}, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 of a DER certificate as upper-case hex pairs separated by ':' (as keytool and browsers show it). */
    public static String fingerprint(byte[] der) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(der);
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(d);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String normalize(String fingerprint) {
        return fingerprint == null ? "" : fingerprint.replace(":", "").replace(" ", "").toUpperCase();
    }
}

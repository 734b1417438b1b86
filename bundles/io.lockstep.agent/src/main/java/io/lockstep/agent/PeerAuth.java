package io.lockstep.agent;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Agent-to-agent requests are signed with the datacenter secret every agent of the datacenter holds:
 * {@code Authorization: Lockstep-HMAC v=1, host=FROM, to=RECIPIENT, ts=MILLIS, nonce=HEX, body=SHA256HEX, sig=HEX}
 * where {@code sig} is HMAC-SHA256 over {@code "lockstep-peer-v1" \n METHOD \n PATH?QUERY \n ts \n nonce \n FROM \n
 * RECIPIENT \n SHA-256(body)}: it names its purpose (an agent-to-agent API request, version 1), its sender and its
 * recipient, so a request signed for one agent is refused by every other. The header alone is checked first
 * ({@link #check}: the signature over the claimed body hash, the recipient, the time) before any byte of the body is
 * read; once the body is in, {@link #accept} compares its hash and records the nonce. A receiver refuses a signature
 * that does not match (a tampered method, path, recipient or body), a time more than 30 s off its own clock or from
 * before this agent started (so a restart, which forgets the nonces it saw, cannot be used to replay a request seen by
 * its earlier life), and a nonce it has already seen (a replay).
 */
public final class PeerAuth {

    public static final String SCHEME = "Lockstep-HMAC";
    static final String PURPOSE = "lockstep-peer-v1";
    static final long WINDOW_MILLIS = 30_000;

    private final byte[] secret;
    private final String host;
    private final long notBefore;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Long> seen = new LinkedHashMap<>();

    /** What a request's header claims, its signature checked: the body it was signed with is known by its hash only. */
    public record Claim(String from, long ts, String nonce, String bodyHash) {
    }

    public PeerAuth(String secretHex, String host) {
        this(secretHex, host, System.currentTimeMillis());
    }

    PeerAuth(String secretHex, String host, long notBefore) {
        this.secret = HexFormat.of().parseHex(secretHex);
        this.host = host;
        this.notBefore = notBefore;
    }

    /** Signs requests for the agent of host {@code recipient}: no other agent accepts them. */
    public io.lockstep.agent.client.RequestSigner to(String recipient) {
        return (method, pathAndQuery, body) -> sign(recipient, method, pathAndQuery, body);
    }

    /** The Authorization header value for a request this agent sends to {@code recipient}. */
    public String sign(String recipient, String method, String pathAndQuery, byte[] body) {
        byte[] n = new byte[16];
        random.nextBytes(n);
        String nonce = HexFormat.of().formatHex(n);
        long ts = System.currentTimeMillis();
        String bodyHash = sha256(body);
        return SCHEME + " v=1, host=" + host + ", to=" + recipient + ", ts=" + ts + ", nonce=" + nonce + ", body=" + bodyHash + ", sig="
                + sig(method, pathAndQuery, ts, nonce, host, recipient, bodyHash);
    }

    /** The signing host of a valid, fresh, first-seen request with this body; otherwise a 401 that says why. */
    public String verify(String header, String method, String pathAndQuery, byte[] body) {
        return accept(check(header, method, pathAndQuery), body);
    }

    /** Checks what the header alone can tell (the signature over its claimed body hash, the recipient, the time); else a 401 that says why. */
    public Claim check(String header, String method, String pathAndQuery) {
        if (header == null || !header.startsWith(SCHEME + " ")) {
            throw unauthorized("expected an Authorization header '" + SCHEME + " v=1, host=…, to=…, ts=…, nonce=…, body=…, sig=…', found "
                    + (header == null ? "none" : "'" + Names.printable(header.split(" ")[0]) + " …'"));
        }
        Map<String, String> f = new LinkedHashMap<>();
        for (String part : header.substring(SCHEME.length() + 1).split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                f.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
            }
        }
        if (!"1".equals(f.get("v"))) {
            throw unauthorized("expected signature version v=1, found " + (f.containsKey("v") ? "v=" + Names.printable(f.get("v")) : "none"));
        }
        String from = f.get("host");
        String to = f.get("to");
        String nonce = f.get("nonce");
        String bodyHash = f.get("body");
        String sig = f.get("sig");
        long ts;
        try {
            ts = Long.parseLong(f.getOrDefault("ts", ""));
        } catch (NumberFormatException e) {
            throw unauthorized("expected ts=<milliseconds> in the signature, found '" + Names.printable(String.valueOf(f.get("ts"))) + "'");
        }
        if (from == null || to == null || sig == null || nonce == null || !nonce.matches("[0-9a-f]{32}") || bodyHash == null
                || !bodyHash.matches("[0-9a-f]{64}")) {
            throw unauthorized("expected host, to, ts, nonce (32 hex digits), body (64 hex digits) and sig in the signature, found " + f.keySet());
        }
        String expected = sig(method, pathAndQuery, ts, nonce, from, to, bodyHash);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), sig.getBytes(StandardCharsets.US_ASCII))) {
            throw unauthorized("the signature does not match: another secret, or the request was altered on the way");
        }
        if (!to.equals(host)) {
            throw unauthorized("the request was signed for host '" + Names.printable(to) + "', and this is '" + host + "': a request relayed to another agent");
        }
        long now = System.currentTimeMillis();
        if (Math.abs(now - ts) > WINDOW_MILLIS) {
            throw unauthorized("the request was signed " + (now - ts) / 1000 + " s ago; at most " + WINDOW_MILLIS / 1000 + " s are accepted (a replay?)");
        }
        if (ts < notBefore) {
            throw unauthorized("the request was signed " + (notBefore - ts) + " ms before this agent started: a replay to a restarted agent "
                    + "(or the sender's clock is behind; it may sign again)");
        }
        return new Claim(from, ts, nonce, bodyHash);
    }

    /** The sender of a checked claim once the body it came with hashes as signed and its nonce was not seen before; else a 401. */
    public String accept(Claim claim, byte[] body) {
        if (!MessageDigest.isEqual(claim.bodyHash().getBytes(StandardCharsets.US_ASCII), sha256(body).getBytes(StandardCharsets.US_ASCII))) {
            throw unauthorized("the signature does not match: the body is not the one that was signed (altered on the way)");
        }
        long now = System.currentTimeMillis();
        synchronized (seen) {
            for (Iterator<Long> it = seen.values().iterator(); it.hasNext();) {
                if (now - it.next() > 2 * WINDOW_MILLIS) {
                    it.remove();
                } else {
                    break;
                }
            }
            if (seen.putIfAbsent(claim.nonce(), now) != null) {
                throw unauthorized("nonce " + claim.nonce() + " was used before: a replayed request");
            }
        }
        return claim.from();
    }

    /** HMAC-SHA256 under the datacenter secret, for other signed records (host cards) with their own purpose string. */
    String mac(String purpose, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((purpose + "\n" + text).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String sig(String method, String pathAndQuery, long ts, String nonce, String from, String to, String bodyHash) {
        return mac(PURPOSE, method + "\n" + pathAndQuery + "\n" + ts + "\n" + nonce + "\n" + from + "\n" + to + "\n" + bodyHash);
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body == null ? new byte[0] : body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApiException unauthorized(String why) {
        return new ApiException(401, why, null);
    }
}

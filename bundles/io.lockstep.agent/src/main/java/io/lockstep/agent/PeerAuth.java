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
 * {@code Authorization: Lockstep-HMAC host=NAME, ts=MILLIS, nonce=HEX, sig=HEX} where {@code sig} is
 * HMAC-SHA256 over {@code METHOD \n PATH?QUERY \n ts \n nonce \n host \n SHA-256(body)}. A receiver refuses a
 * signature that does not match (a tampered method, path or body), a time more than 30 s off its own clock, and a
 * nonce it has already seen within that window (a replay).
 */
public final class PeerAuth implements io.lockstep.agent.client.RequestSigner {

    public static final String SCHEME = "Lockstep-HMAC";
    static final long WINDOW_MILLIS = 30_000;

    private final byte[] secret;
    private final String host;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Long> seen = new LinkedHashMap<>();

    public PeerAuth(String secretHex, String host) {
        this.secret = HexFormat.of().parseHex(secretHex);
        this.host = host;
    }

    /** The Authorization header value for a request this agent sends. */
    public String sign(String method, String pathAndQuery, byte[] body) {
        byte[] n = new byte[16];
        random.nextBytes(n);
        String nonce = HexFormat.of().formatHex(n);
        long ts = System.currentTimeMillis();
        return SCHEME + " host=" + host + ", ts=" + ts + ", nonce=" + nonce + ", sig=" + sig(method, pathAndQuery, ts, nonce, host, body);
    }

    /** The signing host of a valid, fresh, first-seen request; otherwise a 401 that says why. */
    public String verify(String header, String method, String pathAndQuery, byte[] body) {
        if (header == null || !header.startsWith(SCHEME + " ")) {
            throw unauthorized("expected an Authorization header '" + SCHEME + " host=…, ts=…, nonce=…, sig=…', found "
                    + (header == null ? "none" : "'" + header.split(" ")[0] + " …'"));
        }
        Map<String, String> f = new LinkedHashMap<>();
        for (String part : header.substring(SCHEME.length() + 1).split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                f.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
            }
        }
        String from = f.get("host");
        String nonce = f.get("nonce");
        String sig = f.get("sig");
        long ts;
        try {
            ts = Long.parseLong(f.getOrDefault("ts", ""));
        } catch (NumberFormatException e) {
            throw unauthorized("expected ts=<milliseconds> in the signature, found '" + f.get("ts") + "'");
        }
        if (from == null || nonce == null || sig == null || !nonce.matches("[0-9a-f]{32}")) {
            throw unauthorized("expected host, ts, nonce (32 hex digits) and sig in the signature, found " + f.keySet());
        }
        String expected = sig(method, pathAndQuery, ts, nonce, from, body);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), sig.getBytes(StandardCharsets.US_ASCII))) {
            throw unauthorized("the signature does not match: another secret, or the request was altered on the way");
        }
        long now = System.currentTimeMillis();
        if (Math.abs(now - ts) > WINDOW_MILLIS) {
            throw unauthorized("the request was signed " + (now - ts) / 1000 + " s ago; at most " + WINDOW_MILLIS / 1000 + " s are accepted (a replay?)");
        }
        synchronized (seen) {
            for (Iterator<Long> it = seen.values().iterator(); it.hasNext();) {
                if (now - it.next() > 2 * WINDOW_MILLIS) {
                    it.remove();
                } else {
                    break;
                }
            }
            if (seen.putIfAbsent(nonce, now) != null) {
                throw unauthorized("nonce " + nonce + " was used before: a replayed request");
            }
        }
        return from;
    }

    private String sig(String method, String pathAndQuery, long ts, String nonce, String from, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] bodyHash = MessageDigest.getInstance("SHA-256").digest(body == null ? new byte[0] : body);
            String text = method + "\n" + pathAndQuery + "\n" + ts + "\n" + nonce + "\n" + from + "\n" + HexFormat.of().formatHex(bodyHash);
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApiException unauthorized(String why) {
        return new ApiException(401, why, null);
    }
}

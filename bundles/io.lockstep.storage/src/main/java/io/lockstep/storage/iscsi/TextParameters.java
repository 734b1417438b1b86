package io.lockstep.storage.iscsi;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Login and Text parameters (RFC 7143 §6): {@code key=value} pairs in UTF-8, each ended by a NUL byte, in the data
 * segment of Login and Text PDUs.
 */
public final class TextParameters {

    private TextParameters() {
    }

    public static byte[] encode(Map<String, String> pairs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, String> e : pairs.entrySet()) {
            out.writeBytes((e.getKey() + "=" + e.getValue()).getBytes(StandardCharsets.UTF_8));
            out.write(0);
        }
        return out.toByteArray();
    }

    /**
     * Decodes a data segment of parameters, in order. A pair without '=', a key longer than 63 bytes or with
     * characters outside the RFC's set, text that is not UTF-8, or a key given twice is refused, naming it.
     */
    public static Map<String, String> decode(byte[] data) throws IscsiProtocolException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(data)).toString();
        } catch (CharacterCodingException e) {
            throw new IscsiProtocolException("text parameters: expected UTF-8, found bytes that are not");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : text.split("\0")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IscsiProtocolException("text parameters: expected key=value, found '" + pair + "'");
            }
            String key = pair.substring(0, eq);
            if (key.length() > 63 || !key.matches("[A-Za-z0-9.\\-+@_]+")) {
                throw new IscsiProtocolException("text parameters: expected a key of at most 63 letters, digits and .-+@_, found '" + key + "'");
            }
            if (out.put(key, pair.substring(eq + 1)) != null) {
                throw new IscsiProtocolException("text parameters: key " + key + " given twice");
            }
        }
        return out;
    }
}

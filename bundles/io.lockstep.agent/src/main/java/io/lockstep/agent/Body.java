package io.lockstep.agent;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A request body checked against what the operation accepts: a JSON object, only known fields, each of the
 * expected type and range. Every refusal is a 400 that names the field, what was expected and what was found.
 */
final class Body {

    /**
     * Tokens a body may have: a request names a few fields (the largest, a list of initiators, a few hundred). A tree
     * costs tens of bytes a token, so without a bound a 1 MiB body of {@code [{},{},…]} costs some 30 MiB to parse.
     */
    static final int MAX_TOKENS = 10_000;

    /** The agent's mapper (strict on duplicate keys), its parsers bounded by {@link #MAX_TOKENS} (only for bodies). */
    private static final ObjectMapper BODIES;

    static {
        BODIES = Json.MAPPER.copy();
        BODIES.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxTokenCount(MAX_TOKENS).build());
    }

    private final ObjectNode node;

    private Body(ObjectNode node) {
        this.node = node;
    }

    static Body parse(byte[] bytes) {
        if (bytes.length == 0) {
            return new Body(Json.MAPPER.createObjectNode());
        }
        JsonNode n;
        try {
            n = BODIES.readTree(bytes);
        } catch (StreamConstraintsException e) {
            throw ApiException.badRequest(null, "the body: expected a request of at most " + MAX_TOKENS + " JSON tokens nested at most "
                    + StreamReadConstraints.DEFAULT_MAX_DEPTH + " deep, found more: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw ApiException.badRequest(null, "the body is not valid JSON" + where + ": " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw ApiException.badRequest(null, "the body could not be read: " + e.getMessage());
        }
        if (n == null || n.isMissingNode() || n.isNull()) {
            return new Body(Json.MAPPER.createObjectNode());
        }
        if (!(n instanceof ObjectNode o)) {
            throw ApiException.badRequest(null, "the body: expected a JSON object, found " + kind(n.getNodeType()));
        }
        return new Body(o);
    }

    /** Refuses fields other than {@code known}. */
    /** Refuses a field that is not one of the request record's components (the names clients and agent share). */
    void only(Class<? extends Record> request) {
        only(java.util.Arrays.stream(request.getRecordComponents()).map(java.lang.reflect.RecordComponent::getName).toArray(String[]::new));
    }

    void only(String... known) {
        List<String> k = Arrays.asList(known);
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!k.contains(f)) {
                throw ApiException.badRequest(f, "unknown field '" + Names.printable(f) + "': expected only " + k);
            }
        }
    }

    String text(String field, String fallback) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isTextual()) {
            throw ApiException.badRequest(field, field + ": expected a string, found " + kind(v.getNodeType()) + " " + abbreviated(v));
        }
        return v.asText();
    }

    long integer(String field, long fallback, long min, long max) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw ApiException.badRequest(field, field + ": expected a whole number from " + min + " to " + max + ", found "
                    + kind(v.getNodeType()) + " " + abbreviated(v));
        }
        long x = v.asLong();
        if (x < min || x > max) {
            throw ApiException.badRequest(field, field + ": expected a whole number from " + min + " to " + max + ", found " + x);
        }
        return x;
    }

    /** A required number from {@code min} to {@code max} (whole or not). */
    double number(String field, double min, double max) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw ApiException.badRequest(field, field + ": expected a number from " + min + " to " + max + ", found none");
        }
        if (!v.isNumber()) {
            throw ApiException.badRequest(field, field + ": expected a number from " + min + " to " + max + ", found " + kind(v.getNodeType()) + " "
                    + abbreviated(v));
        }
        double x = v.asDouble();
        if (!(x >= min && x <= max)) {
            throw ApiException.badRequest(field, field + ": expected a number from " + min + " to " + max + ", found " + abbreviated(v));
        }
        return x;
    }

    java.util.List<String> texts(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return java.util.List.of();
        }
        if (!v.isArray()) {
            throw ApiException.badRequest(field, field + ": expected an array of strings, found " + kind(v.getNodeType()) + " " + abbreviated(v));
        }
        java.util.List<String> out = new java.util.ArrayList<>();
        for (JsonNode e : v) {
            if (!e.isTextual()) {
                throw ApiException.badRequest(field, field + ": expected an array of strings, found " + kind(e.getNodeType()) + " " + abbreviated(e));
            }
            out.add(e.asText());
        }
        return out;
    }

    boolean bool(String field, boolean fallback) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isBoolean()) {
            throw ApiException.badRequest(field, field + ": expected true or false, found " + kind(v.getNodeType()) + " " + abbreviated(v));
        }
        return v.asBoolean();
    }

    private static String abbreviated(JsonNode v) {
        String s = v.toString();
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    private static String kind(JsonNodeType t) {
        return switch (t) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> t.name().toLowerCase();
        };
    }
}

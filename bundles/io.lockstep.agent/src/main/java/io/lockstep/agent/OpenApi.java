package io.lockstep.agent;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.lockstep.agent.api.ErrorView;

/**
 * The agent's OpenAPI document: the routes as written in {@code openapi.json} (summaries, tags, parameters, the
 * statuses each answers), with every answer's schema made from the record the route answers with
 * ({@link Api.Answer}) — so the document cannot say one thing while the agent sends another. A record's schema lists
 * its components; primitives are required, the rest may be absent (records are written without nulls).
 */
final class OpenApi {

    private static final String REF = "#/components/schemas/";

    private OpenApi() {
    }

    static JsonNode document(List<Api.Route> routes) throws IOException {
        ObjectNode doc;
        try (InputStream in = OpenApi.class.getResourceAsStream("/io/lockstep/agent/openapi.json")) {
            if (in == null) {
                throw new IOException("the OpenAPI document is missing from the agent bundle");
            }
            doc = (ObjectNode) Json.MAPPER.readTree(in);
        }
        Map<String, ObjectNode> schemas = new TreeMap<>();
        schemas.put("Error", schemaOf(ErrorView.class, schemas));
        for (Api.Route r : routes) {
            JsonNode op = doc.path("paths").path(r.pattern()).path(r.method().toLowerCase(java.util.Locale.ROOT));
            if (op.isMissingNode() || r.answer() == null) {
                continue;
            }
            JsonNode responses = op.path("responses");
            responses.fieldNames().forEachRemaining(code -> {
                if (code.startsWith("2") && responses.path(code).path("content").isObject()) {
                    // each media type: application/json, and the event stream's text/event-stream (each event's data)
                    responses.path(code).path("content").forEach(media -> ((ObjectNode) media).set("schema", answerSchema(r.answer(), schemas)));
                }
            });
        }
        ObjectNode components = doc.with("components");
        ObjectNode out = components.putObject("schemas");
        schemas.forEach(out::set);
        return doc;
    }

    private static ObjectNode answerSchema(Api.Answer a, Map<String, ObjectNode> schemas) {
        ObjectNode ref = Json.MAPPER.createObjectNode().put("$ref", REF + name(a.type(), schemas));
        if (!a.list()) {
            return ref;
        }
        ObjectNode array = Json.MAPPER.createObjectNode().put("type", "array");
        array.set("items", ref);
        return array;
    }

    /** The component name of a record, its schema made (with those of the records it holds) on first use. */
    static String name(Class<?> record, Map<String, ObjectNode> schemas) {
        String name = record.getSimpleName();
        if (!schemas.containsKey(name)) {
            schemas.put(name, Json.MAPPER.createObjectNode()); // placeholder: a record that holds itself
            schemas.put(name, schemaOf(record, schemas));
        }
        return name;
    }

    static ObjectNode schemaOf(Class<?> record, Map<String, ObjectNode> schemas) {
        if (!record.isRecord()) {
            throw new IllegalArgumentException(record.getName() + " is not a record: the API's bodies are records of io.lockstep.agent.api");
        }
        ObjectNode s = Json.MAPPER.createObjectNode().put("type", "object");
        ObjectNode props = s.putObject("properties");
        ArrayNode required = Json.MAPPER.createArrayNode();
        for (RecordComponent c : record.getRecordComponents()) {
            props.set(c.getName(), typeSchema(c.getGenericType(), schemas));
            if (c.getType().isPrimitive()) {
                required.add(c.getName());
            }
        }
        if (!required.isEmpty()) {
            s.set("required", required);
        }
        return s;
    }

    private static ObjectNode typeSchema(Type t, Map<String, ObjectNode> schemas) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        if (t instanceof ParameterizedType p && p.getRawType() == List.class) {
            n.put("type", "array");
            n.set("items", typeSchema(p.getActualTypeArguments()[0], schemas));
            return n;
        }
        if (t instanceof ParameterizedType p && p.getRawType() == Map.class) {
            return n.put("type", "object");
        }
        Class<?> c = (Class<?>) t;
        if (c == String.class) {
            return n.put("type", "string");
        }
        if (c == int.class || c == Integer.class) {
            return n.put("type", "integer").put("format", "int32");
        }
        if (c == long.class || c == Long.class) {
            return n.put("type", "integer").put("format", "int64");
        }
        if (c == double.class || c == Double.class) {
            return n.put("type", "number");
        }
        if (c == boolean.class || c == Boolean.class) {
            return n.put("type", "boolean");
        }
        if (c == JsonNode.class) {
            return n; // any JSON: an event's data, as its type says
        }
        if (c.isRecord()) {
            return n.put("$ref", REF + name(c, schemas));
        }
        throw new IllegalArgumentException("no schema for " + c.getName() + ": the API's records hold strings, numbers, booleans, lists, "
                + "maps and records");
    }
}

package io.lockstep.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.lockstep.agent.client.AgentClient;

/**
 * The OpenAPI document the agent serves describes exactly the routes it has, each answer by the record the route
 * answers with; and what the agent really answers is what the document says.
 */
class OpenApiTest {

    @TempDir
    Path dir;

    @Test
    void theDocumentNamesEveryRouteAndNoOther() throws Exception {
        try (AgentFixture dc = new AgentFixture(dir)) {
            AgentFixture.Running a = dc.start("host-a");
            JsonNode doc = a.client().get("/v1/openapi.json");
            assertEquals("3.0.3", doc.path("openapi").asText());
            TreeSet<String> documented = new TreeSet<>();
            doc.path("paths").fields().forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(m -> documented.add(m.toUpperCase() + " "
                    + p.getKey())));
            TreeSet<String> served = new TreeSet<>();
            for (Api.Route r : a.server().api().routes()) {
                served.add(r.method() + " " + r.pattern());
            }
            assertEquals(served, documented);
        }
    }

    @Test
    void everyAnswerIsDocumentedAsTheRecordItIs() throws Exception {
        try (AgentFixture dc = new AgentFixture(dir)) {
            AgentFixture.Running a = dc.start("host-a");
            JsonNode doc = a.client().get("/v1/openapi.json");
            JsonNode schemas = doc.path("components").path("schemas");
            int typed = 0;
            for (Api.Route r : a.server().api().routes()) {
                if (r.answer() == null) {
                    continue;
                }
                JsonNode responses = doc.path("paths").path(r.pattern()).path(r.method().toLowerCase());
                JsonNode schema = success(responses.path("responses"));
                JsonNode ref = r.answer().list() ? schema.path("items") : schema;
                assertEquals(r.answer().list() ? "array" : "", schema.path("type").asText(), r.method() + " " + r.pattern());
                assertEquals("#/components/schemas/" + r.answer().type().getSimpleName(), ref.path("$ref").asText(), r.method() + " " + r.pattern());
                assertComponentsAre(r.answer().type(), schemas);
                typed++;
            }
            assertTrue(typed >= 35, typed + " routes answer with a record");
        }
    }

    @Test
    void whatTheAgentAnswersIsWhatTheDocumentSays() throws Exception {
        try (AgentFixture dc = new AgentFixture(dir)) {
            AgentFixture.Running a = dc.start("host-a");
            AgentClient c = a.client();
            c.post("/v1/vms", Map.of("name", "vm1", "memoryMiB", 32));
            c.post("/v1/vms/vm1/power-on", null);
            c.post("/v1/vms/vm1/checkpoints", Map.of("name", "first"));
            JsonNode schemas = c.get("/v1/openapi.json").path("components").path("schemas");
            List<String> problems = new ArrayList<>();
            Map<String, String> answers = Map.of("/v1/host", "HostInfo", "/v1/hosts", "HostHeartbeat", "/v1/datastores", "DatastoreView",
                    "/v1/datastores/ds1/locks", "LockView", "/v1/datastores/ds1/registrations", "RegistrationsView", "/v1/vms", "VmView",
                    "/v1/vms/vm1/ft", "FtView", "/v1/tasks", "TaskView", "/v1/disks", "DiskView", "/v1/events/recent", "EventView");
            for (Map.Entry<String, String> e : answers.entrySet()) {
                JsonNode answer = c.get(e.getKey());
                for (JsonNode one : answer.isArray() ? answer : List.of(answer)) {
                    described(e.getKey(), one, e.getValue(), schemas, problems);
                }
            }
            assertEquals(List.of(), problems, "every field the agent sends is a field of the documented record");
        }
    }

    private static JsonNode success(JsonNode responses) {
        for (String code : List.of("200", "201", "202")) {
            if (responses.has(code)) {
                return responses.path(code).path("content").elements().next().path("schema");
            }
        }
        throw new AssertionError("no 2xx answer documented: " + responses);
    }

    /** The component named as the record lists exactly its components; the records it holds, theirs. */
    private static void assertComponentsAre(Class<?> record, JsonNode schemas) {
        JsonNode s = schemas.path(record.getSimpleName());
        TreeSet<String> documented = new TreeSet<>();
        s.path("properties").fieldNames().forEachRemaining(documented::add);
        TreeSet<String> components = new TreeSet<>(Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList());
        assertEquals(components, documented, record.getSimpleName());
    }

    /** Every field of {@code json} is a property of the schema {@code name}, and so on down through the records it refers to. */
    private static void described(String where, JsonNode json, String name, JsonNode schemas, List<String> problems) {
        JsonNode props = schemas.path(name).path("properties");
        json.fields().forEachRemaining(f -> {
            JsonNode p = props.path(f.getKey());
            if (p.isMissingNode()) {
                problems.add(where + ": " + name + " has no field '" + f.getKey() + "'");
                return;
            }
            JsonNode ref = p.has("items") ? p.path("items") : p;
            if (ref.has("$ref")) {
                String inner = ref.path("$ref").asText().replace("#/components/schemas/", "");
                for (JsonNode one : f.getValue().isArray() ? f.getValue() : List.of(f.getValue())) {
                    described(where + "." + f.getKey(), one, inner, schemas, problems);
                }
            }
        });
    }
}

package io.lockstep.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/** The OpenAPI document the agent serves describes exactly the routes it has. */
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
}

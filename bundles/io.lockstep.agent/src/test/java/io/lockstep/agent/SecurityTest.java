package io.lockstep.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.lockstep.agent.client.AgentClient;

/**
 * Every request is authenticated and checked: no token, a wrong token, another certificate, a replayed or
 * tampered peer request, an oversized body, a name that would leave the datastore — each refused, and nothing
 * changed on disk.
 */
class SecurityTest {

    @TempDir
    Path dir;
    AgentFixture dc;
    AgentFixture.Running a;

    @BeforeEach
    void setUp() throws Exception {
        dc = new AgentFixture(dir);
        a = dc.start("host-a");
    }

    @AfterEach
    void tearDown() throws Exception {
        dc.close();
    }

    AgentClient withToken(String token) {
        return AgentClient.operator(a.server().url(), a.agent().credentials().fingerprint(), token);
    }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        return AgentClient.mapper().readTree(r.body());
    }

    @Test
    void theTokenAndTheCertificateAreMadeAtFirstStartAndKept() throws Exception {
        Path token = dir.resolve("host-a").resolve("token");
        assertTrue(Files.exists(token));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(token)),
                "the token file is readable by its owner only");
        assertEquals(a.agent().credentials().token(), Files.readString(token).trim());
        assertTrue(a.agent().credentials().fingerprint().matches("([0-9A-F]{2}:){31}[0-9A-F]{2}"), a.agent().credentials().fingerprint());
        Credentials again = Credentials.ensure(dir.resolve("host-a"), "host-a");
        assertEquals(a.agent().credentials().fingerprint(), again.fingerprint(), "a restart keeps the certificate clients pinned");
        assertEquals(a.agent().credentials().token(), again.token(), "and the token");
        assertEquals("host-a", a.client().get("/v1/host").path("name").asText(), "the right token is served");
    }

    @Test
    void noTokenAndAWrongTokenAre401AndChangeNothing() throws Exception {
        HttpResponse<String> none = withToken(null).send("POST", "/v1/vms", "{\"name\":\"vm1\"}".getBytes(StandardCharsets.UTF_8), Map.of());
        assertEquals(401, none.statusCode());
        assertTrue(json(none).path("error").asText().contains("expected an Authorization: Bearer <token> header"), none.body());
        assertTrue(none.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        HttpResponse<String> wrong = withToken("0".repeat(64)).send("POST", "/v1/vms", "{\"name\":\"vm1\"}".getBytes(StandardCharsets.UTF_8), Map.of());
        assertEquals(401, wrong.statusCode());
        assertTrue(json(wrong).path("error").asText().startsWith("the bearer token is wrong"), wrong.body());
        HttpResponse<String> basic = withToken(null).send("GET", "/v1/vms", new byte[0], Map.of("Authorization", "Basic YWRtaW46YWRtaW4="));
        assertEquals(401, basic.statusCode());
        assertFalse(Files.exists(dc.onDatastore("vm1")), "nothing was created");
        assertEquals(0, a.client().get("/v1/vms").size());
        // every route wants the token, the OpenAPI document and the event stream too
        assertEquals(401, withToken(null).send("GET", "/v1/openapi.json", new byte[0], Map.of()).statusCode());
        assertEquals(401, withToken(null).send("GET", "/v1/events", new byte[0], Map.of()).statusCode());
        // an operator token does not open the agent-to-agent routes
        HttpResponse<String> opOnPeer = a.client().send("POST", "/v1/peer/ft/backups", "{}".getBytes(StandardCharsets.UTF_8), Map.of());
        assertEquals(401, opOnPeer.statusCode(), opOnPeer.body());
    }

    @Test
    void aClientPinningAnotherCertificateDoesNotTalkToTheAgent() {
        AgentClient other = AgentClient.operator(a.server().url(), "AB".repeat(32), a.agent().credentials().token());
        AgentClient.AgentException e = assertThrows(AgentClient.AgentException.class, () -> other.get("/v1/host"));
        assertEquals(0, e.status(), "the TLS handshake fails before any request: " + e.getMessage());
    }

    @Test
    void aSignedPeerRequestIsServedOnceAndAReplayOrATamperedOneIsRefused() throws Exception {
        PeerAuth signer = new PeerAuth(dc.secretHex(), "host-b");
        AgentClient peer = a.peerClient(signer);
        assertEquals("host-b", peer.get("/v1/peer/ping").path("from").asText(), "a correctly signed request is served");

        String header = signer.sign("host-a", "GET", "/v1/peer/ping", new byte[0]);
        AgentClient raw = withToken(null);
        assertEquals(200, raw.send("GET", "/v1/peer/ping", new byte[0], Map.of("Authorization", header)).statusCode());
        HttpResponse<String> replay = raw.send("GET", "/v1/peer/ping", new byte[0], Map.of("Authorization", header));
        assertEquals(401, replay.statusCode());
        assertTrue(json(replay).path("error").asText().contains("a replayed request"), replay.body());

        byte[] body = "{\"vm\":\"vm1\",\"authKey\":\"00\",\"disk\":\"vm1.vmdk\"}".getBytes(StandardCharsets.UTF_8);
        String signedForBody = signer.sign("host-a", "POST", "/v1/peer/ft/backups", body);
        byte[] tampered = "{\"vm\":\"vm2\",\"authKey\":\"00\",\"disk\":\"vm1.vmdk\"}".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> altered = raw.send("POST", "/v1/peer/ft/backups", tampered, Map.of("Authorization", signedForBody));
        assertEquals(401, altered.statusCode());
        assertTrue(json(altered).path("error").asText().contains("the signature does not match"), altered.body());

        PeerAuth stranger = new PeerAuth("11".repeat(32), "host-b");
        HttpResponse<String> foreign = raw.send("GET", "/v1/peer/ping", new byte[0], Map.of("Authorization", stranger.sign("host-a", "GET", "/v1/peer/ping",
                new byte[0])));
        assertEquals(401, foreign.statusCode(), "another datacenter's secret is refused");

        String old = header.replaceAll("ts=\\d+", "ts=" + (System.currentTimeMillis() - 120_000));
        assertEquals(401, raw.send("GET", "/v1/peer/ping", new byte[0], Map.of("Authorization", old)).statusCode(), "an old time is refused");
    }

    @Test
    void anOversizedBodyIs413AndNothingIsCreated() throws Exception {
        byte[] big = ("{\"name\":\"vm1\",\"guest\":\"" + "x".repeat(ApiServer.MAX_BODY) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = a.client().send("POST", "/v1/vms", big, Map.of());
        assertEquals(413, r.statusCode(), r.body());
        assertFalse(Files.exists(dc.onDatastore("vm1")));
        assertEquals("host-a", a.client().get("/v1/host").path("name").asText(), "the agent serves on");
    }

    @Test
    void namesThatWouldLeaveTheDatastoreAreRefusedNamingTheField() throws Exception {
        for (String bad : new String[] {"../escape", "..", "a/b", "/etc", "vm1\u0000", "Upper", "a..b", ".hidden", "x".repeat(64)}) {
            AgentClient.AgentException e = assertThrows(AgentClient.AgentException.class,
                    () -> a.client().post("/v1/vms", Map.of("name", bad)), bad);
            assertEquals(400, e.status(), bad);
            assertEquals("name", e.field(), bad);
            assertTrue(e.getMessage().startsWith("name: expected a name"), e.getMessage());
        }
        // in a path, too: an encoded '/' or '..' never reaches a file
        for (String path : new String[] {"/v1/vms/..%2F..%2Fetc", "/v1/vms/%2e%2e", "/v1/vms/a%2Fb/power-on"}) {
            HttpResponse<String> r = a.client().send(path.endsWith("power-on") ? "POST" : "GET", path, new byte[0], Map.of());
            assertTrue(r.statusCode() == 400 || r.statusCode() == 404, path + " → " + r.statusCode() + " " + r.body());
        }
        try (var files = Files.list(dir)) {
            assertEquals(java.util.Set.of("lun.img", "datacenter.secret", "host-a"),
                    new java.util.HashSet<>(files.map(p -> p.getFileName().toString()).toList()), "nothing was written beside the LUN but the host's own directory");
        }
    }

    @Test
    void malformedAndWrongTypedBodiesAre400NamingTheField() throws Exception {
        HttpResponse<String> notJson = a.client().send("POST", "/v1/vms", "{\"name\": ".getBytes(StandardCharsets.UTF_8), Map.of());
        assertEquals(400, notJson.statusCode());
        assertTrue(json(notJson).path("error").asText().startsWith("the body is not valid JSON at line 1"), notJson.body());
        AgentClient.AgentException type = assertThrows(AgentClient.AgentException.class,
                () -> a.client().post("/v1/vms", Map.of("name", "vm1", "memoryMiB", "lots")));
        assertEquals("memoryMiB", type.field());
        assertEquals("memoryMiB: expected a whole number from 4 to 4096, found a string \"lots\"", type.getMessage());
        AgentClient.AgentException range = assertThrows(AgentClient.AgentException.class,
                () -> a.client().post("/v1/vms", Map.of("name", "vm1", "memoryMiB", 1 << 20)));
        assertEquals("memoryMiB: expected a whole number from 4 to 4096, found 1048576", range.getMessage());
        AgentClient.AgentException unknown = assertThrows(AgentClient.AgentException.class,
                () -> a.client().post("/v1/vms", Map.of("name", "vm1", "colour", "blue")));
        assertEquals("colour", unknown.field());
        AgentClient.AgentException guest = assertThrows(AgentClient.AgentException.class,
                () -> a.client().post("/v1/vms", Map.of("name", "vm1", "guest", "doom")));
        assertEquals("guest", guest.field());
        assertTrue(guest.getMessage().contains("doom"), guest.getMessage());
        AgentClient.AgentException array = assertThrows(AgentClient.AgentException.class, () -> a.client().post("/v1/vms", java.util.List.of(1)));
        assertEquals("the body: expected a JSON object, found an array", array.getMessage());
        assertFalse(Files.exists(dc.onDatastore("vm1")), "nothing was created by any of them");
        AgentClient.AgentException method = assertThrows(AgentClient.AgentException.class, () -> a.client().call("PUT", "/v1/vms", Map.of()));
        assertEquals(405, method.status());
    }
}

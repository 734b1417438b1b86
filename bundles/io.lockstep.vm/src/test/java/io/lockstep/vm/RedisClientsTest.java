package io.lockstep.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisProtocol;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * The KV guest answers what the Redis clients people use send when they connect and work: Jedis (a current major
 * version, default settings, then RESP3) and redis-cli, both written by others. What a client sends at connect time
 * — HELLO, CLIENT SETINFO/SETNAME, SELECT 0 — must not stop it from working.
 */
class RedisClientsTest extends KvVm {

    @Test
    void jedisWithItsDefaultSettingsSetsGetsIncrementsAndPipelines() {
        try (Jedis jedis = new Jedis("127.0.0.1", port())) {
            assertEquals("PONG", jedis.ping());
            assertEquals("OK", jedis.set("greeting", "hello lockstep"));
            assertEquals("hello lockstep", jedis.get("greeting"));
            assertNull(jedis.get("missing"));
            assertEquals(1, jedis.incr("counter"));
            assertEquals(2, jedis.incr("counter"));
            assertEquals("ERR value is not an integer or out of range",
                    assertThrows(JedisDataException.class, () -> jedis.incr("greeting")).getMessage());
            assertTrue(jedis.exists("greeting"));
            assertEquals(1, jedis.del("greeting"));
            assertEquals("OK", jedis.select(0));
            assertEquals("lockstep", jedis.echo("lockstep"));

            Pipeline p = jedis.pipelined();
            List<Response<Long>> counts = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                p.set("key:" + i, "value:" + i);
                counts.add(p.incr("pipelined"));
            }
            Response<String> last = p.get("key:999");
            p.sync();
            assertEquals(1000, counts.get(999).get());
            assertEquals("value:999", last.get());
            assertEquals(1002, jedis.dbSize()); // counter, pipelined, key:0..999
        }
    }

    /** Jedis 8's RedisClient negotiates RESP3 by default (HELLO 3), as redis-py 8 does. */
    @Test
    void jedisPooledClientNegotiatesResp3AndSendsItsLibraryInfo() {
        DefaultJedisClientConfig config = DefaultJedisClientConfig.builder().clientName("billing").build();
        try (RedisClient pool = RedisClient.builder().hostAndPort("127.0.0.1", port()).clientConfig(config).build()) {
            assertEquals("OK", pool.set("k", "v"));
            assertEquals("v", pool.get("k"));
            String list = new String((byte[]) pool.sendCommand(Protocol.Command.CLIENT, "LIST"), StandardCharsets.UTF_8);
            assertTrue(list.matches("(?s).*name=billing db=0 resp=3 lib-name=jedis lib-ver=\\S+.*"), list);
        }
    }

    @Test
    void jedisOnResp3GetsRedisReplyShapes() {
        DefaultJedisClientConfig config = DefaultJedisClientConfig.builder().protocol(RedisProtocol.RESP3).clientName("resp3-app").build();
        try (Jedis jedis = new Jedis(new HostAndPort("127.0.0.1", port()), config)) {
            assertEquals("OK", jedis.set("a", "1"));
            assertEquals(2, jedis.incr("a"));
            assertNull(jedis.get("nothing here"));
            assertEquals("resp3-app", jedis.clientGetname());
            assertTrue(jedis.clientInfo().contains("resp=3"), jedis.clientInfo());
            assertTrue(jedis.info("server").contains("redis_version:"), jedis.info("server"));
            assertTrue(jedis.info().contains("db0:keys=1,"), jedis.info());
        }
    }

    @Test
    void redisCliSpeaksBothProtocolsAndKeepsItsConnectionState() throws Exception {
        String port = Integer.toString(port());
        assertEquals("OK", Tools.ok("redis-cli", "-p", port, "SET", "x", "41").trim());
        assertEquals("42", Tools.ok("redis-cli", "-3", "-p", port, "INCR", "x").trim());
        String hello = Tools.ok("redis-cli", "-p", port, "HELLO", "3");
        assertTrue(hello.contains("proto 3\n") && hello.contains("mode standalone\n"), hello); // redis-cli prints a RESP3 map so
        // one connection: a name set is the name got; another connection does not see it as its own
        Process p = new ProcessBuilder("redis-cli", "-p", port).redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write("CLIENT SETNAME reporter\nCLIENT GETNAME\nCLIENT SETINFO LIB-NAME cli-test\nCLIENT INFO\nSELECT 0\nSELECT 1\n"
                    .getBytes(StandardCharsets.US_ASCII));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        assertTrue(out.startsWith("OK\nreporter\nOK\nid="), out);
        assertTrue(out.contains("name=reporter db=0 resp=2 lib-name=cli-test"), out);
        assertTrue(out.strip().endsWith("\nOK\nERR DB index is out of range"), out);
        assertEquals("", Tools.ok("redis-cli", "-p", port, "CLIENT", "GETNAME").trim());
        assertTrue(Tools.ok("redis-cli", "-p", port, "COMMAND", "COUNT").trim().matches("\\d+"));
        assertTrue(Tools.ok("redis-cli", "-p", port, "COMMAND", "INFO", "get").contains("readonly"));
        assertEquals("databases\n1", Tools.ok("redis-cli", "-p", port, "CONFIG", "GET", "data*").trim());
    }

    @Test
    void negotiationAnswersAsRedisDoesSoClientsFallBack() throws Exception {
        try (Socket s = new Socket("127.0.0.1", port())) {
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            Map<String, String> expected = new java.util.LinkedHashMap<>();
            expected.put("HELLO 4", "-NOPROTO unsupported protocol version");
            expected.put("HELLO two", "-ERR Protocol version is not an integer or out of range");
            expected.put("HELLO 3 AUTH admin secret", "-WRONGPASS invalid username-password pair or user is disabled.");
            expected.put("AUTH secret", "-ERR AUTH <password> called without any password configured for the default user. "
                    + "Are you sure your configuration is correct?");
            expected.put("AUTH default secret", "+OK");
            expected.put("CLIENT SETINFO LIB-COLOUR red", "-ERR Unrecognized option 'LIB-COLOUR'");
            expected.put("CLIENT NOSUCH", "-ERR unknown subcommand 'nosuch'. Try CLIENT HELP.");
            expected.put("CLIENT SETNAME", "-ERR wrong number of arguments for 'client|setname' command");
            expected.put("GET", "-ERR wrong number of arguments for 'get' command");
            expected.put("FLUSHALL now", "-ERR unknown command 'FLUSHALL', with args beginning with: 'now' ");
            expected.put("GET still-protocol-2", "$-1");
            for (Map.Entry<String, String> e : expected.entrySet()) {
                out.write((e.getKey() + "\r\n").getBytes(StandardCharsets.US_ASCII));
                assertEquals(e.getValue(), KvGuestTest.readLine(in), e.getKey());
            }
            out.write("*4\r\n$5\r\nHELLO\r\n$1\r\n3\r\n$7\r\nSETNAME\r\n$7\r\nwith sp\r\n".getBytes(StandardCharsets.US_ASCII));
            assertEquals("-ERR Client names cannot contain spaces, newlines or special characters.", KvGuestTest.readLine(in));
            out.write("HELLO 3\r\n".getBytes(StandardCharsets.US_ASCII));
            assertEquals("%7", KvGuestTest.readLine(in));
            List<String> map = new ArrayList<>();
            for (String line; !(line = KvGuestTest.readLine(in)).equals("*0");) { // the map ends with modules: an empty array
                map.add(line);
            }
            assertEquals(List.of("$6", "server", "$5", "redis", "$7", "version", "$5", "7.2.0", "$5", "proto", ":3", "$2", "id"),
                    map.subList(0, 13));
            assertEquals(List.of("$4", "mode", "$10", "standalone", "$4", "role", "$6", "master", "$7", "modules"), map.subList(14, 24));
            out.write("GET missing\r\nRESET\r\nGET missing\r\n".getBytes(StandardCharsets.US_ASCII));
            assertEquals("_", KvGuestTest.readLine(in), "RESP3's null");
            assertEquals("+RESET", KvGuestTest.readLine(in));
            assertEquals("$-1", KvGuestTest.readLine(in), "back on protocol 2 after RESET");
        }
    }
}

package io.lockstep.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;


/** The KV guest answers real Redis clients that nobody here wrote: redis-cli and redis-benchmark. */
class KvGuestTest extends KvVm {

    static String run(String... cmd) throws Exception {
        return Tools.ok(cmd);
    }

    String cli(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("redis-cli", "-p", Integer.toString(port())));
        cmd.addAll(List.of(args));
        return run(cmd.toArray(String[]::new)).trim();
    }

    @Test
    void redisCliRoundTripsValues() throws Exception {
        assertEquals("PONG", cli("PING"));
        assertEquals("OK", cli("SET", "greeting", "hello lockstep"));
        assertEquals("hello lockstep", cli("GET", "greeting"));
        assertEquals("1", cli("INCR", "counter"));
        assertEquals("2", cli("INCR", "counter"));
        assertEquals("ERR value is not an integer or out of range", cli("INCR", "greeting"));
        assertEquals("1", cli("EXISTS", "greeting"));
        assertEquals("2", cli("DBSIZE"));
        assertEquals("1", cli("DEL", "greeting"));
        assertEquals("", cli("GET", "greeting"));
        assertEquals("1", cli("DBSIZE"));
        assertTrue(cli("NOSUCH").startsWith("ERR unknown command 'NOSUCH'"));
    }

    @Test
    void redisBenchmarkCompletesWithoutErrors() throws Exception {
        String out = run("redis-benchmark", "-p", Integer.toString(port()), "-t", "set,get", "-n", "20000", "-q");
        System.out.println(out);
        assertTrue(out.contains("SET: ") && out.contains("GET: "), out);
        assertFalse(out.toLowerCase().contains("error"), out);
        assertTrue(Long.parseLong(cli("DBSIZE")) >= 1);
    }

    @Test
    void aProtocolErrorIsAnsweredAndTheServerKeepsServing() throws Exception {
        try (Socket s = new Socket("127.0.0.1", port())) {
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            out.write("*2\r\n$3\r\nGET\r\n$zz\r\n".getBytes(StandardCharsets.US_ASCII));
            String reply = readLine(in);
            assertEquals("-ERR Protocol error: invalid bulk length", reply);
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII)); // the same connection goes on
            assertEquals("+PONG", readLine(in));
        }
        assertEquals("PONG", cli("PING"));
    }

    static String readLine(InputStream in) throws Exception {
        StringBuilder b = new StringBuilder();
        for (int c; (c = in.read()) >= 0;) {
            if (c == '\n') {
                break;
            }
            if (c != '\r') {
                b.append((char) c);
            }
        }
        return b.toString();
    }
}

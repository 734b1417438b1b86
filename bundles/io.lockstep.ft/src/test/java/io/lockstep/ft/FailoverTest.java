package io.lockstep.ft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end, with a client nobody here wrote: a redis-cli loop writes keys to the KV guest through the pair's
 * service port; the primary process is SIGKILLed in the middle; the backup takes over; every SET the client saw
 * acknowledged is then readable, and the client needed at most a reconnect (each redis-cli call is a new
 * connection; a failed call is retried). Both modes; checkpointing also re-protects and fails over again.
 */
class FailoverTest {

    @TempDir
    Path dir;

    /** A bash loop of redis-cli SETs printing "ACK i" for each key the server acknowledged. */
    static final class Client implements AutoCloseable {
        final Process process;
        final List<long[]> acks = new CopyOnWriteArrayList<>(); // {key, nanoTime}

        Client(int port) throws Exception {
            String loop = "i=0; while :; do i=$((i+1)); until [ \"$(redis-cli -p " + port + " SET key$i val$i 2>/dev/null)\" = OK ]; "
                    + "do sleep 0.02; done; echo \"ACK $i\"; done";
            process = new ProcessBuilder("bash", "-c", loop).redirectErrorStream(true).start();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null;) {
                        if (line.startsWith("ACK ")) {
                            acks.add(new long[] {Long.parseLong(line.substring(4)), System.nanoTime()});
                        }
                    }
                } catch (Exception e) {
                    // stopped
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        int acked() {
            return acks.size();
        }

        void awaitAcks(int n, long timeoutMillis, String why) throws InterruptedException {
            long end = System.currentTimeMillis() + timeoutMillis;
            while (acks.size() < n) {
                if (System.currentTimeMillis() > end) {
                    throw new AssertionError("the client got " + acks.size() + " acknowledgements, not " + n + ", " + why);
                }
                Thread.sleep(10);
            }
        }

        /** The first acknowledgement after {@code nanos}. */
        long firstAckAfter(long nanos) {
            return acks.stream().mapToLong(a -> a[1]).filter(t -> t > nanos).min().orElse(-1);
        }

        @Override
        public void close() throws Exception {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Reads every acknowledged key back (GETs fed to one redis-cli on its standard input); returns the ones missing or wrong. */
    static List<Long> lost(int port, List<long[]> acks) throws Exception {
        StringBuilder commands = new StringBuilder();
        for (long[] a : acks) {
            commands.append("GET key").append(a[0]).append('\n');
        }
        Process p = new ProcessBuilder("redis-cli", "-p", Integer.toString(port)).redirectErrorStream(true).start();
        p.getOutputStream().write(commands.toString().getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String[] values = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n");
        p.waitFor(60, TimeUnit.SECONDS);
        List<Long> lost = new ArrayList<>();
        for (int i = 0; i < acks.size(); i++) {
            if (i >= values.length || !values[i].trim().equals("val" + acks.get(i)[0])) {
                lost.add(acks.get(i)[0]);
            }
        }
        return lost;
    }

    @Test
    void checkpointingLosesNoAcknowledgedWriteAcrossTwoFailovers() throws Exception {
        run("checkpoint", true);
    }

    @Test
    void replayLosesNoAcknowledgedWrite() throws Exception {
        run("replay", false);
    }

    private void run(String mode, boolean reprotect) throws Exception {
        Fixture f = new Fixture(dir);
        Path disk = f.disk("vm1");
        int service = Fixture.freePort();
        String[] common = {"key=" + BadInputTest.KEY, "lun=" + f.lun, "disk=" + disk, "pair=vm1", "mode=" + mode, "service=" + service, "verify=true",
            "settle=200"};
        try (Node backup = new Node("backup", "backup", with(common, "host=esx-b"));
                Node primary = new Node("primary", "primary", with(common, "host=esx-a",
                        "backup=" + backup.awaitPrefix("PORT ", 30_000).substring(5)))) {
            primary.awaitPrefix("STATUS PROTECTED", 30_000);
            try (Client client = new Client(service)) {
                client.awaitAcks(120, 60_000, "before the kill");
                primary.send("stats");
                String stats = primary.awaitPrefix("STATS ", 10_000);
                long killedAt = System.nanoTime();
                int ackedBeforeKill = client.acked();
                primary.kill(); // SIGKILL, mid-load
                backup.awaitPrefix("STATUS LIVE", 30_000);
                long liveSeen = System.nanoTime();
                client.awaitAcks(ackedBeforeKill + 60, 60_000, "after the failover");
                long servedAgain = client.firstAckAfter(liveSeen); // conservative: an ack printed after the takeover was seen
                Node last = backup;
                Node third = null;
                if (reprotect) {
                    third = new Node("backup2", "backup", with(common, "host=esx-c"));
                    backup.send("protect " + third.awaitPrefix("PORT ", 30_000).substring(5));
                    backup.awaitPrefix("STATUS PROTECTED", 30_000);
                    int before = client.acked();
                    client.awaitAcks(before + 60, 60_000, "while protected again");
                    backup.kill();
                    third.awaitPrefix("STATUS LIVE", 30_000);
                    client.awaitAcks(client.acked() + 30, 60_000, "after the second failover");
                    last = third;
                }
                client.close();
                List<long[]> acks = new ArrayList<>(client.acks);
                List<Long> lost = lost(service, acks);
                System.out.printf("%s: %d SETs acknowledged (%d before the kill), lost %d; client served again %.0f ms after the SIGKILL%n"
                        + "  primary before the kill: %s%n", mode, acks.size(), ackedBeforeKill, lost.size(), (servedAgain - killedAt) / 1e6, stats);
                assertEquals(List.of(), lost, "every acknowledged SET survives the failover");
                assertTrue(servedAgain > killedAt, "the client was served again after the kill");
                assertTrue(stats.contains("digests="), stats);
                long digests = Long.parseLong(stats.replaceAll(".* digests=(\\d+) .*", "$1"));
                long epochs = Long.parseLong(stats.replaceAll(".* epochs=(\\d+) .*", "$1"));
                assertTrue(digests >= 3, "the backup's digest equalled the primary's at acknowledged epochs/markers: " + stats);
                if (mode.equals("checkpoint")) {
                    assertEquals(epochs, digests, "every acknowledged epoch had its digest checked: " + stats);
                }
                assertTrue(!backup.printed("STATUS HALTED"), backup.output());
                // the new primary opens the shared disk for writing once the settle time after LIVE is over
                last.awaitPrefix("STATUS DISK", 30_000);
                assertTrue(!last.printed("STATUS HALTED"), "the new primary writes the shared disk: " + last.output());
                if (third != null) {
                    third.close();
                }
            }
        }
    }

    static String[] with(String[] common, String... more) {
        List<String> all = new ArrayList<>(List.of(common));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}

package io.lockstep.ft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The network between primary and backup is cut while both stay alive — traffic dropped (both see silence) or
 * both connections closed (both see the other hang up): exactly one side keeps running, the other halts, in every
 * one of 12 trials (three of each mode and cut). The go-live record on the shared datastore decides. Silence is a
 * lost peer after 1 s here (heartbeats every 100 ms): short enough to keep the trials quick, long enough that a busy
 * machine's stall never splits a pair before the test cuts it.
 */
class PartitionTest {

    @TempDir
    Path dir;

    @Test
    void exactlyOneSideSurvivesEveryPartition() throws Exception {
        Fixture f = new Fixture(dir);
        List<String> outcomes = new ArrayList<>();
        int primaryWins = 0;
        int trials = 12;
        for (int trial = 0; trial < trials; trial++) {
            String mode = trial % 2 == 0 ? "checkpoint" : "replay";
            TcpProxy.Cut cut = trial % 4 < 2 ? TcpProxy.Cut.DROP : TcpProxy.Cut.CLOSE;
            String pair = "p" + trial;
            Path disk = f.disk(pair);
            int service = Fixture.freePort();
            String[] common = {"key=" + BadInputTest.KEY, "lun=" + f.lun, "disk=" + disk, "pair=" + pair, "mode=" + mode, "service=" + service, "heartbeat=100",
                "fail=1000", "settle=100"};
            try (Node backup = new Node("backup", "backup", FailoverTest.with(common, "host=b" + trial))) {
                int port = Integer.parseInt(backup.awaitPrefix("PORT ", 30_000).substring(5));
                try (TcpProxy proxy = new TcpProxy(port);
                        Node primary = new Node("primary", "primary", FailoverTest.with(common, "host=a" + trial, "backup=" + proxy.port()))) {
                    primary.awaitPrefix("STATUS PROTECTED", 30_000);
                    backup.awaitPrefix("STATUS IN SYNC", 30_000);
                    Thread.sleep(100 + trial * 10L);
                    proxy.cut(cut);
                    // the loser halts (exit 3); the winner says it runs on
                    long end = System.currentTimeMillis() + 15_000;
                    while (primary.process.isAlive() && backup.process.isAlive() && System.currentTimeMillis() < end) {
                        Thread.sleep(20);
                    }
                    Thread.sleep(1000); // give a second halt every chance to show up
                    boolean primaryAlive = primary.process.isAlive();
                    boolean backupAlive = backup.process.isAlive();
                    String detail = "trial " + trial + " (" + mode + ", " + cut + "):\nprimary:\n" + primary.output() + "\nbackup:\n" + backup.output();
                    assertTrue(primaryAlive ^ backupAlive, "exactly one side runs on — " + detail);
                    Node winner = primaryAlive ? primary : backup;
                    Node loser = primaryAlive ? backup : primary;
                    assertEquals(3, loser.process.exitValue(), "the loser halted — " + detail);
                    assertTrue(loser.printed("STATUS HALTED"), detail);
                    assertTrue(winner.printed(primaryAlive ? "STATUS UNPROTECTED" : "STATUS LIVE"), detail);
                    assertEquals("PONG", Fixture.redis(service, "PING"), "the survivor serves — " + detail);
                    primaryWins += primaryAlive ? 1 : 0;
                    outcomes.add(trial + ":" + mode + "/" + cut + "→" + (primaryAlive ? "primary" : "backup"));
                }
            }
        }
        System.out.println("partition outcomes (" + primaryWins + " primary, " + (trials - primaryWins) + " backup): " + outcomes);
    }
}

package io.lockstep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a person uses it: create, format, look, lock from two "terminals" (processes). */
class ClusterCliTest {

    @TempDir
    Path dir;
    Process other;

    @AfterEach
    void killOther() {
        if (other != null) {
            other.destroyForcibly();
        }
    }

    record Run(int code, String out, String err) {
    }

    static Run lockstep(String... args) {
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = Main.run(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
    }

    Path formatted() {
        Path lun = dir.resolve("ds.lun");
        assertEquals(0, lockstep("medium", "create", lun.toString(), "--size", "8M").code());
        Run format = lockstep("cluster", "format", lun.toString(), "--io-timeout", "100ms", "--label", "ds1", "--locks", "128");
        assertEquals(0, format.code(), format.err());
        assertTrue(format.out().contains("formatted " + lun + " as 'ds1'"), format.out());
        assertTrue(format.out().contains("lease timeout 800 ms"), format.out());
        return lun;
    }

    @Test
    void createFormatLockAndList() {
        Path lun = formatted();
        Run info = lockstep("medium", "info", lun.toString());
        assertTrue(info.out().contains("16384 x 512 bytes (8.0 MiB)"), info.out());
        Run lock = lockstep("cluster", "lock", lun.toString(), "/vmfs/vm1.vmdk", "--host", "esx-a", "--hold", "0s");
        assertEquals(0, lock.code(), lock.err());
        assertTrue(lock.out().contains("esx-a holds exclusive lock on file /vmfs/vm1.vmdk (generation 1)"), lock.out());
        Run status = lockstep("cluster", "status", lun.toString());
        assertTrue(status.out().contains("/vmfs/vm1.vmdk  file  free  1"), status.out());
        assertTrue(status.out().matches("(?s).*0\\s+free\\s+esx-a.*"), status.out());
    }

    @Test
    void badInputIsRefusedWithWhatWasExpected() {
        Path lun = dir.resolve("x.lun");
        Run size = lockstep("medium", "create", lun.toString(), "--size", "12Q");
        assertEquals(2, size.code());
        assertTrue(size.err().contains("expected a size such as 64M, 1G or 1048576, found '12Q'"), size.err());
        Run sector = lockstep("medium", "create", lun.toString(), "--size", "1M", "--sector-size", "520");
        assertTrue(sector.err().contains("--sector-size: expected a power of two from 512 to 65536, found 520"), sector.err());
        assertEquals(0, lockstep("medium", "create", lun.toString(), "--size", "2M").code());
        Run again = lockstep("medium", "create", lun.toString(), "--size", "2M");
        assertEquals(1, again.code());
        assertTrue(again.err().contains("already there; nothing was changed"), again.err());
        Run unformatted = lockstep("cluster", "status", lun.toString());
        assertEquals(1, unformatted.code());
        assertTrue(unformatted.err().contains("is not formatted for Lockstep"), unformatted.err());
        Run tooSmall = lockstep("cluster", "format", lun.toString(), "--locks", "5000");
        assertTrue(tooSmall.err().contains("needs at least"), tooSmall.err());
        Run mode = lockstep("cluster", "lock", lun.toString(), "/x", "--host", "h", "--mode", "sometimes");
        assertTrue(mode.err().contains("lock mode: expected exclusive, shared-read or multi-writer, found 'sometimes'"), mode.err());
    }

    @Test
    void aSecondTerminalWaitsForTheFirstAndTakesOverWhenItIsKilled() throws Exception {
        Path lun = formatted();
        other = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "cluster", "lock", lun.toString(), "/vmfs/vm1.vmdk", "--host", "esx-a", "--hold", "60s")
                .redirectErrorStream(true).start();
        BufferedReader otherOut = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = otherOut.readLine()) != null;) {
            if (line.startsWith("esx-a holds")) {
                break;
            }
        }
        // a wait shorter than T (800 ms): esx-b cannot take esx-a for dead however slowly the machine runs esx-a
        Run busy = lockstep("cluster", "lock", lun.toString(), "/vmfs/vm1.vmdk", "--host", "esx-b", "--wait", "300ms", "--hold", "0s");
        assertEquals(3, busy.code());
        assertTrue(busy.out().contains("gave up: /vmfs/vm1.vmdk is held exclusive by esx-a"), busy.out());

        other.destroyForcibly(); // SIGKILL esx-a: no release
        assertTrue(other.waitFor(10, TimeUnit.SECONDS));
        long start = System.nanoTime();
        Run takeover = lockstep("cluster", "lock", lun.toString(), "/vmfs/vm1.vmdk", "--host", "esx-b", "--wait", "10s", "--hold", "0s");
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals(0, takeover.code(), takeover.out() + takeover.err());
        assertTrue(takeover.out().contains("esx-b holds exclusive lock on file /vmfs/vm1.vmdk (generation 2)"), takeover.out());
        // never before T (safety); the command gives up at its 10 s wait, so success means it did not hang
        assertTrue(tookMs >= 800, "took " + tookMs + " ms with T = 800 ms");
        Run status = lockstep("cluster", "status", lun.toString());
        assertTrue(status.out().matches("(?s).*fenced \\(by slot 1\\)\\s+esx-a.*"), status.out());
        assertTrue(status.out().contains("Registrations (0)"), "esx-b unregistered when it left; esx-a's key went when it was fenced:\n"
                + status.out());
    }
}

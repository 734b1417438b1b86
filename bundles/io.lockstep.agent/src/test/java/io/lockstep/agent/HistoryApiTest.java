package io.lockstep.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.lockstep.agent.api.HistorySeriesView;
import io.lockstep.agent.api.HistoryView;
import io.lockstep.agent.client.AgentClient;

/**
 * History through the agent (issue 26): a running VM's and its host's series written to their files on the datastore
 * while it runs, read back through the API (JSON and CSV) from this host and from another; kept over an agent restart;
 * bad requests and a damaged file answered with what was expected and found.
 */
class HistoryApiTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void oneSecondRows() {
        System.setProperty("lockstep.history.stepSeconds", "1"); // rows every second, so a test sees several in seconds
    }

    @AfterAll
    static void back() {
        System.clearProperty("lockstep.history.stepSeconds");
    }

    private static HistoryView history(AgentClient c, String path) throws Exception {
        return AgentClient.read(c.get(path), HistoryView.class, path);
    }

    private static long filled(HistorySeriesView s) {
        return s.avg().stream().filter(v -> v != null).count();
    }

    private static HistorySeriesView series(HistoryView v, String metric) {
        return v.series().stream().filter(s -> s.metric().equals(metric)).findFirst().orElseThrow(() -> new AssertionError("no " + metric + " in " + v));
    }

    @Test
    void aRunningVmsSeriesAreWrittenToTheDatastoreAndReadBackAsJsonAndCsvFromAnyHostAndAfterARestart() throws Exception {
        try (AgentFixture dc = new AgentFixture(dir)) {
            AgentFixture.Running a = dc.start("host-a");
            AgentFixture.Running b = dc.start("host-b");
            AgentClient c = a.client();
            c.post("/v1/vms", Map.of("name", "vm1", "memoryMiB", 32));
            long started = System.currentTimeMillis();
            c.post("/v1/vms/vm1/power-on", null);
            VmApiTest.redis(c.get("/v1/vms/vm1").path("port").asInt(), "SET k v", "GET k");
            HistoryView v = null;
            for (int i = 0; i < 100; i++) {
                Thread.sleep(100);
                try {
                    v = history(c, "/v1/history/vm/vm1?from=" + started + "&step=1");
                } catch (AgentClient.AgentException e) {
                    assertEquals(404, e.status(), e.getMessage()); // not made yet: the first sample makes it
                    continue;
                }
                if (filled(series(v, "steps")) >= 4) {
                    break;
                }
            }
            assertTrue(filled(series(v, "steps")) >= 4, "a row a second while vm1 runs: " + series(v, "steps"));
            assertEquals("vm", v.kind());
            assertEquals("vm1", v.name());
            assertEquals(1, v.stepSeconds());
            assertEquals(List.of(1, 30), v.resolutions());
            assertEquals(HistoryKindNames.VM, v.series().stream().map(HistorySeriesView::metric).toList());
            assertEquals("1/s", series(v, "steps").unit());
            assertTrue(series(v, "steps").max().stream().anyMatch(x -> x != null && x > 0), "the guest ran steps: " + series(v, "steps").max());
            assertTrue(series(v, "cpuShare").avg().stream().anyMatch(x -> x != null && x > 0), "its CPU share: " + series(v, "cpuShare").avg());
            assertTrue(Files.size(dc.onDatastore(".history/vms/vm1.lshist")) > 0, "the file is on the LUN, in the datastore's file system");

            // another host reads the same file (the datastore is shared); only the series asked for
            HistoryView fromB = history(b.client(), "/v1/history/vm/vm1?from=" + started + "&step=1&metrics=steps,alarms");
            assertEquals(List.of("steps", "alarms"), fromB.series().stream().map(HistorySeriesView::metric).toList());
            assertTrue(filled(fromB.series().get(0)) >= 4);
            HistoryView host = history(b.client(), "/v1/history/host/host-a?from=" + started + "&step=1");
            assertTrue(series(host, "vms").avg().stream().anyMatch(x -> x != null && x == 1.0), "host-a ran one VM: " + series(host, "vms").avg());

            // CSV: a header, a row per point, the same figures
            String csv = c.text("/v1/history/vm/vm1/csv?from=" + started + "&to=" + System.currentTimeMillis() + "&step=1&metrics=steps");
            List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv)).getRecords();
            assertEquals(List.of("time", "steps_avg", "steps_min", "steps_max"), rows.get(0).getParser().getHeaderNames());
            assertTrue(rows.size() >= 4, csv);
            assertTrue(rows.stream().anyMatch(r -> !r.get("steps_avg").isEmpty() && Double.parseDouble(r.get("steps_avg")) > 0), csv);
            assertTrue(rows.get(0).get("time").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), rows.get(0).get("time"));

            // the agent restarts: what it wrote is still there, and it carries on in the same file
            long before = filled(series(history(c, "/v1/history/host/host-a?from=" + started + "&step=1"), "vms"));
            a.server().close();
            a.agent().close();
            dc.agents.remove(a);
            AgentFixture.Running again = dc.start("host-a");
            HistoryView after = null;
            for (int i = 0; i < 100; i++) {
                Thread.sleep(100);
                after = history(again.client(), "/v1/history/host/host-a?from=" + started + "&step=1");
                if (filled(series(after, "vms")) >= before + 2) {
                    break;
                }
            }
            assertTrue(filled(series(after, "vms")) >= before + 2, "kept " + before + " rows and added more: " + series(after, "vms").avg());
            assertTrue(filled(series(history(again.client(), "/v1/history/vm/vm1?from=" + started + "&step=1"), "steps")) >= 4,
                    "vm1's rows from before the restart");
        }
    }

    @Test
    void aProtectedVmsPairSeriesAreWrittenByThePrimarysHostAndReadOnTheBackups() throws Exception {
        try (AgentFixture dc = new AgentFixture(dir)) {
            AgentClient a = dc.start("host-a").client();
            AgentClient b = dc.start("host-b").client();
            a.post("/v1/vms", Map.of("name", "vm1", "memoryMiB", 32));
            a.post("/v1/vms/vm1/power-on", null);
            long started = System.currentTimeMillis();
            a.post("/v1/vms/vm1/ft", Map.of("backup", "host-b"));
            int port = a.get("/v1/vms/vm1").path("port").asInt();
            HistoryView v = null;
            for (int i = 0; i < 150; i++) {
                VmApiTest.redis(port, "SET k" + i + " v"); // work for the epochs to carry
                Thread.sleep(100);
                try {
                    v = history(b, "/v1/history/pair/vm1?from=" + started + "&step=1");
                } catch (AgentClient.AgentException e) {
                    assertEquals(404, e.status(), e.getMessage());
                    continue;
                }
                if (series(v, "epochRate").avg().stream().filter(x -> x != null && x > 0).count() >= 3) {
                    break;
                }
            }
            assertTrue(v != null && series(v, "epochRate").avg().stream().filter(x -> x != null && x > 0).count() >= 3,
                    "epochs a second recorded while protected: " + (v == null ? "no file" : series(v, "epochRate").avg()));
            assertEquals("pair", v.kind());
            assertTrue(series(v, "pauseP50").avg().stream().anyMatch(x -> x != null && x > 0), "pauses: " + series(v, "pauseP50").avg());
            assertTrue(series(v, "sentBytes").avg().stream().anyMatch(x -> x != null && x > 0), "bytes sent: " + series(v, "sentBytes").avg());
            assertTrue(filled(series(v, "lag")) >= 3, "lag: " + series(v, "lag").avg());
        }
    }

    @Test
    void badRequestsAndADamagedFileAreAnsweredWithWhatWasExpectedAndFound() throws Exception {
        try (AgentFixture dc = new AgentFixture(dir)) {
            AgentClient c = dc.start("host-a").client();
            for (Object[] bad : new Object[][] {{"/v1/history/disk/vm1", 400, "kind: expected vm, host or pair, found 'disk'"},
                {"/v1/history/vm/nosuch", 404, "no history of vm 'nosuch': expected /.history/vms/nosuch.lshist on the datastore, found none (it is written while the vm runs)"},
                {"/v1/history/host/host-a?metrics=steps", 400, "metrics: expected some of [vms, backups, alarms, agentCpu, heap, mediumIo, load], found 'steps'"},
                {"/v1/history/host/host-a?from=20&to=10", 400, "from: expected a time (epoch ms) no later than to (10), found 20"},
                {"/v1/history/host/host-a?step=7", 400, "step: expected one of [1, 30] s (this file's resolutions), found 7"},
                {"/v1/history/host/host-a?to=soon", 400, "to: expected a whole number, found 'soon'"}}) {
                if (((String) bad[0]).contains("host-a")) {
                    waitForFile(dc, ".history/hosts/host-a.lshist");
                }
                AgentClient.AgentException e = assertThrows(AgentClient.AgentException.class, () -> c.get((String) bad[0]));
                assertEquals(bad[1], e.status(), bad[0] + ": " + e.getMessage());
                assertEquals(bad[2], e.getMessage(), (String) bad[0]);
            }
            Path damaged = dc.onDatastore(".history/vms/broken.lshist");
            Files.write(damaged, "LSHISTRY but not much else".getBytes());
            AgentClient.AgentException e = assertThrows(AgentClient.AgentException.class, () -> c.get("/v1/history/vm/broken"));
            assertEquals(422, e.status());
            assertEquals("/.history/vms/broken.lshist: truncated: expected a 512-byte header, found 26 bytes", e.getMessage());
            AgentClient.AgentException csv = assertThrows(AgentClient.AgentException.class, () -> c.text("/v1/history/vm/broken/csv"));
            assertEquals(422, csv.status());
            assertEquals(e.getMessage(), csv.getMessage());
            assertEquals(1, c.get("/v1/history/host/host-a?metrics=vms").path("series").size(), "the other files read on");
        }
    }

    private static void waitForFile(AgentFixture dc, String path) throws InterruptedException {
        for (int i = 0; i < 100 && !Files.exists(dc.onDatastore(path)); i++) {
            Thread.sleep(50);
        }
    }

    /** The VM series, as the agent names them. */
    static final class HistoryKindNames {
        static final List<String> VM = new ArrayList<>(io.lockstep.agent.history.HistoryKind.VM.metricNames());
    }
}

package io.lockstep.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.lockstep.model.io.HtmlReport;

/** The printable report: every section, the values, a stale lock marked, markup in names escaped. */
class HtmlReportTest {

    @Test
    void theReportHoldsInventoryFtAndLeases(@TempDir Path dir) throws Exception {
        Datacenter dc = Models.sample();
        dc.getVms().get(1).setGuest("<script>alert(1)</script>");
        Lease l = dc.getDatastores().get(0).getLeases().get(0);
        l.setOwnerLive(false);
        Path f = dir.resolve("report.html");
        HtmlReport.write(dc, f, 8000);
        String html = Files.readString(f, StandardCharsets.UTF_8);
        for (String s : new String[] {"<h2>Hosts</h2>", "<h2>Virtual machines</h2>", "<h2>Fault tolerance</h2>", "<h2>Leases</h2>", "host-3", "vm2",
                "50:01:43:80:00:00:00:01", "vm1/vm.json", "@media print"}) {
            assertTrue(html.contains(s), s);
        }
        assertTrue(html.contains("<tr class=\"bad\"><td>vm1/vm.json</td><td>host-1</td>"), "the lock of a host that stopped heartbeating is marked");
        assertTrue(html.contains("owner stopped heartbeating: breakable"));
        assertFalse(html.contains("<script>"), "names are escaped");
        assertTrue(html.contains("&lt;script&gt;"));
        assertEquals(1, html.split("<h2>Fault tolerance</h2>", -1).length - 1);
        assertFalse(Files.exists(dir.resolve("report.html.tmp")));
    }
}

package io.lockstep.console.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.lockstep.agent.api.HistorySeriesView;
import io.lockstep.agent.history.HistoryKind;
import io.lockstep.console.live.Live;
import io.lockstep.console.live.LiveDatacenter;
import io.lockstep.console.tests.bots.ConsolePeer;
import io.lockstep.console.tests.bots.HistoryFiles;
import io.lockstep.console.tests.bots.HistoryViewBot;
import io.lockstep.console.tests.bots.LocalDatacenter;
import io.lockstep.console.tests.bots.WorkbenchBot;
import io.lockstep.console.views.HistoryView;
import io.lockstep.console.views.HistoryView.Range;
import io.lockstep.console.views.InventoryView;
import io.lockstep.model.Datacenter;
import io.lockstep.model.Host;
import io.lockstep.model.LockstepFactory;
import io.lockstep.model.PowerState;
import io.lockstep.model.VirtualMachine;

/**
 * The History view (issue 26) against a local HTTPS peer serving real history files (the agent's format and answers,
 * a month of samples every 10 s with a two-hour gap six hours ago): selecting a VM in the inventory charts it; the range
 * changes from an hour to a month (10-s rows, then 5-min rows); any series can be charted; a host's history; exports
 * write the CSV (as the agent makes it) and the PNG of the chart; an unknown subject is said. Screenshots
 * {@code view-history-*.png}.
 */
class HistoryUITest {

    private WorkbenchBot bot;
    private ConsolePeer peer;
    private LiveDatacenter live;
    private Path dir;

    @BeforeEach
    void up() throws Exception {
        bot = new WorkbenchBot();
        bot.waitUntil("the workbench window is open", () -> bot.shell().isVisible());
        dir = Files.createTempDirectory("hc-history");
        peer = new ConsolePeer(dir, "host-1");
        HistoryFiles files = new HistoryFiles(dir);
        files.month(HistoryKind.VM, "web1", 31);
        files.month(HistoryKind.HOST, "host-1", 2);
        files.serve(peer);
        Datacenter dc = LockstepFactory.eINSTANCE.createDatacenter();
        dc.setName("history");
        Host h = LockstepFactory.eINSTANCE.createHost();
        h.setName("host-1");
        h.setAddress(peer.url());
        dc.getHosts().add(h);
        VirtualMachine vm = LockstepFactory.eINSTANCE.createVirtualMachine();
        vm.setName("web1");
        vm.setGuest("kv");
        vm.setPowerState(PowerState.POWERED_ON);
        vm.setCurrentHost(h);
        dc.getVms().add(vm);
        live = new LiveDatacenter(bot.display(), dc);
        live.connect(new LiveDatacenter.Endpoint("host-1", peer.url(), peer.fingerprint(), peer.token()));
        Live.set(live);
    }

    @AfterEach
    void down() {
        Live.set(null);
        live.close();
        peer.close();
        LocalDatacenter.deleteTree(dir);
    }

    private static long recorded(HistorySeriesView s) {
        return s.avg().stream().filter(Objects::nonNull).count();
    }

    @Test
    void anOperatorChartsAVmsHistoryOverEachRangeAnySeriesAHostsAndExportsCsvAndPng() throws Exception {
        HistoryViewBot history = new HistoryViewBot(bot);
        HistoryView view = history.view();

        // selecting the VM in the inventory charts it
        InventoryView inventory = bot.showView(InventoryView.ID, InventoryView.class); // the active part: its selection is the workbench's
        int before = view.draws();
        bot.waitUntil("the inventory shows web1", () -> live.model().getVms().size() == 1);
        inventory.select(List.of(live.model().getVms().get(0)));
        history.waitForChart(before);
        assertNull(view.error(), view.error());
        assertEquals(new HistoryView.Subject("vm", "web1"), view.subject(), "the view follows the inventory's selection");
        assertEquals(Range.HOUR, view.range());
        assertEquals(10, view.answer().stepSeconds(), "the last hour at 10 s");
        assertEquals(361, view.answer().points());
        assertEquals(HistoryKind.VM.metricNames(), view.seriesOffered(), "every series of a VM can be charted");
        assertTrue(recorded(view.answer().series().get(0)) >= 355, "an hour of samples: " + recorded(view.answer().series().get(0)));
        assertTrue(view.status().startsWith("web1 · cpu · 361 points of 10 s"), view.status());
        assertTrue(history.averageLinePixels() > 100, "the chart shows the average's line: " + history.averageLinePixels() + " pixels of its colour");
        bot.screenshot("view-history-vm-hour");

        // the range changes: a day at 10 s (the two-hour gap blank), a week and a month at 5 min
        history.range(Range.DAY);
        assertEquals(10, view.answer().stepSeconds());
        assertEquals(8640, view.answer().points(), "a day: the 10-s ring's 8,640 rows");
        long dayRecorded = recorded(view.answer().series().get(0));
        assertTrue(dayRecorded < 8640 - 700 && dayRecorded > 8640 - 760, "the 2-hour gap (720 rows) is not filled in: " + dayRecorded);
        history.range(Range.WEEK);
        assertEquals(300, view.answer().stepSeconds(), "a week: 5-min rows");
        assertEquals(7 * 288 + 1, view.answer().points());
        history.range(Range.MONTH);
        assertEquals(300, view.answer().stepSeconds());
        assertEquals(30 * 288 + 1, view.answer().points(), "a month of 5-min rows");
        HistorySeriesView cpu = view.answer().series().get(0);
        assertTrue(recorded(cpu) > 30 * 288 - 40, "a month recorded: " + recorded(cpu));
        assertTrue(cpu.min().get(100) < cpu.avg().get(100) && cpu.avg().get(100) < cpu.max().get(100), "a 5-min row's min < avg < max");
        assertTrue(view.status().contains("8641 points of 300 s"), view.status());
        bot.screenshot("view-history-vm-month");

        // another series
        history.series("memory");
        assertEquals("memory", view.seriesShown());
        assertTrue(view.status().startsWith("web1 · memory · "), view.status());
        HistorySeriesView memory = view.answer().series().get(HistoryKind.VM.metricNames().indexOf("memory"));
        assertEquals(3 * cpu.avg().get(100), memory.avg().get(100), 0.01, "the memory series (3 × cpu in the made-up data)");
        bot.screenshot("view-history-vm-month-memory");

        // exports: the agent's CSV of the range, and the chart as a PNG
        Path csv = history.exportCsv(dir.resolve("web1-month.csv"));
        List<String> lines = Files.readAllLines(csv);
        assertEquals("time," + String.join(",", HistoryKind.VM.metricNames().stream().map(m -> m + "_avg," + m + "_min," + m + "_max").toList()),
                lines.get(0));
        assertEquals(30 * 288 + 1 + 1, lines.size(), "a header and a row per 5-min row of the month");
        assertTrue(lines.get(100).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:00Z,[0-9.]+,.*"), lines.get(100));
        Path png = history.exportPng(dir.resolve("web1-month.png"));
        byte[] head = Arrays.copyOf(Files.readAllBytes(png), 8);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, head, "a PNG file");
        ImageData read = new ImageLoader().load(png.toString())[0];
        assertEquals(Math.max(400, view.canvas().getSize().x), read.width, "the chart as shown");
        Files.copy(png, WorkbenchBot.screenshotDir().resolve("view-history-export.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        // a host's history
        history.chart("host", "host-1", Range.DAY, "load");
        assertNull(view.error(), view.error());
        assertEquals("host", view.answer().kind());
        assertEquals("load", view.seriesShown());
        assertEquals(HistoryKind.HOST.metricNames(), view.seriesOffered());
        bot.screenshot("view-history-host-day");

        // something with no history: said, nothing charted
        history.chart("vm", "nosuch", Range.HOUR, null);
        assertTrue(view.error() != null && view.error().startsWith("vm nosuch: "), String.valueOf(view.error()));
        bot.waitUntil("the status line says why", () -> view.status().startsWith("vm nosuch: "));
        assertNull(view.answer());
        assertEquals(-1, history.averageLinePixels(), "no chart is left on the canvas");
    }
}

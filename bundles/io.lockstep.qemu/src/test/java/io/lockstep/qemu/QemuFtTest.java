package io.lockstep.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/**
 * Issue 25's foundation end to end: a primary QEMU with its RAM in a shared file; epochs carry the changed pages into
 * a backup's copy file and the device state (x-ignore-shared); the primary is killed; a second QEMU started on the
 * copy with the last device state runs on, and its Redis holds exactly the keys acknowledged before the last epoch's
 * pause — not the one acknowledged after it.
 */
class QemuFtTest {

    @Test
    void aBackupStartedFromTheCopiedPagesAndDeviceStateHoldsExactlyTheKeysOfTheLastEpoch() throws Exception {
        FtGuests.assume();
        int mib = 128;
        try (FtGuests g = new FtGuests("ft")) {
            Path primaryRam = g.memoryFile("primary");
            Path backupRam = g.memoryFile("backup");
            Map<String, String> before = new TreeMap<>();
            byte[] device;
            List<Integer> changed = new ArrayList<>();
            try (QemuMachine primary = new QemuMachine(g.spec("hf-primary", mib, primaryRam))) {
                primary.start(Duration.ofSeconds(60));
                primary.awaitSerial("lockstep-guest: redis listening", Duration.ofSeconds(180));
                GuestMemory backup = GuestMemory.mapWritable(backupRam, (long) mib << 20);
                Epochs epochs = new Epochs(primary, true, Duration.ofSeconds(30));
                Epochs.Epoch e = epochs.capture();
                device = ship(e, epochs, backup);
                assertTrue(e.scan().count() > 1000, "the first epoch carries every non-zero page: " + e.scan().count());
                changed.add(e.scan().count());
                for (int r = 1; r <= 3; r++) {
                    String key = "k" + r;
                    g.setAcknowledged(key, "v" + r + "-" + ProcessHandle.current().pid());
                    before.put(key, "v" + r + "-" + ProcessHandle.current().pid());
                    e = epochs.capture();
                    device = ship(e, epochs, backup);
                    changed.add(e.scan().count());
                    assertTrue(e.scan().count() > 0, "Redis's SET changed pages in epoch " + e.number());
                    assertTrue(e.device().size() > 0 && e.device().size() < 8 << 20,
                            "the device state is small without the RAM: " + e.device().size() + " bytes");
                    assertEquals("running", primary.status(), "the guest runs after each epoch");
                }
                g.setAcknowledged("late", "after-the-last-epoch");
                assertEquals("after-the-last-epoch", g.redis("GET", "late"));
                primary.kill();
            }
            System.out.println("qemu-ft-test: changed pages per epoch " + changed + ", device state " + device.length
                    + " bytes");

            List<String> incoming = new ArrayList<>(FtGuests.NIC);
            incoming.addAll(List.of("-incoming", "defer"));
            QemuSpec spec = g.spec("hf-backup", mib, backupRam).withStartPaused(true).withExtraArgs(incoming);
            try (QemuMachine backup = new QemuMachine(spec)) {
                backup.start(Duration.ofSeconds(60));
                DeviceState.load(backup, device, true, Duration.ofSeconds(60));
                assertEquals("running", backup.status());
                String keys = "";
                for (int i = 0; i < 40 && keys.isEmpty(); i++) { // slirp's forward is new: the first tries may fail
                    String out = g.redis("KEYS", "*");
                    keys = out.contains("Could not connect") || out.contains("Connection") ? "" : out;
                    if (keys.isEmpty()) {
                        Thread.sleep(250);
                    }
                }
                List<String> found = new ArrayList<>(Arrays.asList(keys.split("\\s+")));
                found.sort(null);
                assertEquals(new ArrayList<>(before.keySet()), found,
                        "the backup holds exactly the keys acknowledged before the last epoch's pause");
                for (Map.Entry<String, String> kv : before.entrySet()) {
                    assertEquals(kv.getValue(), g.redis("GET", kv.getKey()));
                }
                g.setAcknowledged("after-takeover", "yes");
                assertEquals("yes", g.redis("GET", "after-takeover"), "the backup serves writes");
            }
        }
    }

    /** What the backup receives: the changed pages into its copy, the device state kept. */
    static byte[] ship(Epochs.Epoch e, Epochs epochs, GuestMemory backup) {
        for (int page : e.scan().pages()) {
            backup.writePage(page, epochs.sentPage(page));
        }
        return e.device().bytes();
    }
}

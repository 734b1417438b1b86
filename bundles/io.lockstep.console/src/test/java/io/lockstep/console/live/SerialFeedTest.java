package io.lockstep.console.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.lockstep.agent.api.ConsoleView;

/**
 * The serial console's feed against the agent's answers as its console route makes them (the last {@code ring} bytes
 * and the count of all): what is new, once; a console started again; bytes lost between polls; escape sequences; the
 * scrollback's bound. The widget's side is {@code SerialConsoleUITest}.
 */
class SerialFeedTest {

    /** A console as the agent keeps it: everything printed, answered as its last {@code ring} bytes and their count. */
    private static final class Console {
        final StringBuilder printed = new StringBuilder();
        final int ring;

        Console(int ring) {
            this.ring = ring;
        }

        void print(String s) {
            printed.append(s);
        }

        long sent;

        ConsoleView view() {
            return view(0);
        }

        /** GET …/console?after=N: only the bytes after the first N (of those kept). */
        ConsoleView view(long after) {
            byte[] all = printed.toString().getBytes(StandardCharsets.UTF_8);
            int from = (int) Math.min(all.length, Math.max(Math.max(0, all.length - ring), after));
            sent += all.length - from;
            return new ConsoleView("q1", "host-1", all.length, new String(all, from, all.length - from, StandardCharsets.UTF_8));
        }
    }

    @Test
    void eachByteOnceWhateverThePolls() {
        Console c = new Console(1000);
        SerialFeed f = new SerialFeed();
        StringBuilder shown = new StringBuilder();
        shown.append(f.take(c.view()).appended());
        for (int i = 0; i < 200; i++) {
            c.print("line " + i + " ünïcode\r\n");
            if (i % 7 == 0) {
                shown.append(f.take(c.view()).appended());
                SerialFeed.Update none = f.take(c.view());
                shown.append(none.appended());
                assertTrue(none.isEmpty(), "a poll with nothing new adds nothing");
            }
        }
        shown.append(f.take(c.view()).appended());
        assertEquals(c.printed.toString().replace("\r", ""), shown.toString());
        assertEquals(f.text(), shown.toString());
        assertEquals(c.printed.toString().getBytes(StandardCharsets.UTF_8).length, f.bytesTaken(), "every byte read anew once");
    }

    @Test
    void aConsoleStartedAgainAndBytesLostAreSaid() {
        Console c = new Console(100);
        SerialFeed f = new SerialFeed();
        c.print("first boot\n");
        f.take(c.view());
        Console again = new Console(100);
        again.print("second boot, which printed more than the first had\n");
        SerialFeed.Update u = f.take(again.view());
        assertTrue(u.restarted(), "the bytes before the new ones differ from the last taken");
        assertEquals("── the console started again (a new QEMU: power cycle, revert or move) ──\nsecond boot, which printed more than the first had\n",
                u.appended());
        for (int i = 0; i < 30; i++) {
            again.print("0123456789\n"); // 330 bytes, more than the ring keeps (100)
        }
        SerialFeed.Update lost = f.take(again.view());
        assertEquals(230, lost.lost(), "330 printed, the last 100 kept");
        assertTrue(!lost.restarted());
        assertEquals("── 230 bytes printed faster than they were read are not shown ──\n" + "0123456789\n".repeat(30).substring(230), lost.appended());
    }

    @Test
    void askingOnlyForWhatIsNewAndACutCharacter() {
        Console c = new Console(4096);
        SerialFeed f = new SerialFeed();
        StringBuilder shown = new StringBuilder();
        shown.append(f.take(c.view(f.after())).appended());
        for (int i = 0; i < 300; i++) {
            c.print("ligne " + i + " é€\n");
            if (i % 5 == 0) {
                shown.append(f.take(c.view(f.after())).appended());
            }
        }
        shown.append(f.take(c.view(f.after())).appended());
        assertEquals(c.printed.toString(), shown.toString());
        long printed = c.printed.toString().getBytes(StandardCharsets.UTF_8).length;
        assertTrue(c.sent <= printed + 64L * f.polls(), c.sent + " bytes sent for " + printed + " printed in " + f.polls() + " polls");
        // the 64 bytes asked for before the new ones may start inside "é€": the agent sends U+FFFD for the cut bytes
        Console cut = new Console(4096);
        SerialFeed g = new SerialFeed();
        cut.print("x".repeat(100));
        g.take(cut.view(g.after()));
        cut.print("€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€"); // 41 × 3 bytes
        g.take(cut.view(g.after()));
        cut.print("next\n");
        byte[] all = cut.printed.toString().getBytes(StandardCharsets.UTF_8);
        long after = g.after();
        String answer = new String(all, (int) after, all.length - (int) after, StandardCharsets.UTF_8); // as the agent decodes it
        SerialFeed.Update u = g.take(new ConsoleView("q1", "host-1", all.length, answer));
        assertTrue(answer.startsWith("\uFFFD"), "the answer starts inside a character: byte " + after);
        assertEquals("next\n", u.appended(), "the same console going on, not a restart");
        // a console started again while asked for what follows byte N: said, then all of the new one
        Console again = new Console(4096);
        again.print("second boot\n");
        after = g.after();
        SerialFeed.Update said = g.take(again.view(after));
        assertTrue(said.restarted());
        SerialFeed.Update boot = g.take(again.view(g.after()));
        assertEquals("second boot\n", boot.appended());
        assertTrue(g.text().endsWith("€next\n── the console started again (a new QEMU: power cycle, revert or move) ──\nsecond boot\n"), g.text());
    }

    @Test
    void escapeSequencesAndControlsLeftOutEvenWhenCut() {
        Console c = new Console(1000);
        SerialFeed f = new SerialFeed();
        c.print("\u001b[1;32mgreen\u001b[0m and \u001b]0;title\u0007plain\r\n\u001b[");
        assertEquals("green and plain\n", f.take(c.view()).appended());
        c.print("2Kcleared\tline\u0008\n");
        assertEquals("cleared\tline\n", f.take(c.view()).appended(), "the sequence cut by the poll is finished, not shown");
    }

    @Test
    void theScrollbackKeepsItsLastLines() {
        Console c = new Console(1 << 20);
        SerialFeed f = new SerialFeed(5);
        c.print("a\nb\nc\n");
        SerialFeed.Update u = f.take(c.view());
        assertEquals(0, u.droppedChars());
        c.print("d\ne\nf\ng");
        u = f.take(c.view());
        assertEquals(2, u.droppedLines());
        assertEquals(4, u.droppedChars());
        assertEquals("c\nd\ne\nf\ng", f.text());
        assertEquals(5, f.lineCount(), "4 lines and the line being printed");
        assertEquals(f.text().length(), f.chars());
        assertThrows(IllegalArgumentException.class, () -> new SerialFeed(0));
    }
}

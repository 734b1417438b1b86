package io.lockstep.console.live;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

import io.lockstep.agent.api.ConsoleView;

/**
 * A QEMU VM's serial console as the console's Serial Console view keeps it: polls of {@code GET /v1/vms/{vm}/console}
 * (the last 256 KiB the VM printed and how many bytes it printed in all) turned into what is new since the last poll,
 * and a bounded scrollback of at most {@link #maxLines} lines (the oldest dropped first).
 *
 * <p>What is new: the answer's text ends at byte {@code bytes} of the console's output, so the last
 * {@code bytes - seen} bytes of its text are the ones not taken yet. A console whose count went back, or whose bytes
 * just before the new ones differ from the last ones taken, was started again (a revert or a new QEMU): its whole
 * text is taken after a line saying so. When more was printed between two polls than the agent keeps, the bytes
 * lost are said on a line of their own.
 *
 * <p>Text is made for a text widget: carriage returns, terminal escape sequences (colours, cursor moves: an escape
 * sequence cut by a poll is held until its end arrives) and other control characters but tab and newline are left
 * out. Not thread-safe: one poller owns it; {@link Update}s carry its changes to the widget.
 */
public final class SerialFeed {

    /** Lines the Serial Console view keeps (scrollback), by default. */
    public static final int MAX_LINES = 10_000;
    /** Bytes before the new ones compared with the last ones taken, to recognise a console that started again. */
    private static final int OVERLAP = 64;

    /**
     * One poll's change to the scrollback: {@code appended} goes at the end, then {@code droppedChars} characters go
     * from the start ({@code droppedLines} whole lines, with their line ends). {@code restarted}: the console was started again; {@code lost}:
     * bytes printed but no longer kept by the agent when polled.
     */
    public record Update(String appended, int droppedChars, int droppedLines, boolean restarted, long lost) {
        public boolean isEmpty() {
            return appended.isEmpty() && droppedChars == 0;
        }
    }

    private final int maxLines;
    /** Bytes of the console taken so far; -1 before the first poll. */
    private long seen = -1;
    private byte[] lastBytes = new byte[0];
    /** Complete lines, then the line being printed (without a line end, possibly empty). */
    private final Deque<String> lines = new ArrayDeque<>();
    private int chars;
    private String carry = "";
    private long polls;
    /** The {@code after} of the request whose answer comes next ({@link #after()}). */
    private long asked;
    private long bytesTaken;

    public SerialFeed() {
        this(MAX_LINES);
    }

    public SerialFeed(int maxLines) {
        if (maxLines < 1) {
            throw new IllegalArgumentException("scrollback: expected at least 1 line, found " + maxLines);
        }
        this.maxLines = maxLines;
        lines.add("");
    }

    /**
     * What to ask next: {@code GET /v1/vms/{vm}/console?after=N} answers only what the console printed after its first N
     * bytes; this asks from {@value #OVERLAP} bytes before the last taken, so that a console started again is recognised.
     */
    public long after() {
        asked = seen <= 0 ? 0 : Math.max(0, seen - OVERLAP);
        return asked;
    }

    /** Takes one answer of the console route and says what changed. */
    public Update take(ConsoleView v) {
        polls++;
        long askedFor = asked;
        asked = 0;
        String t = v.text() == null ? "" : v.text();
        byte[] all = t.getBytes(StandardCharsets.UTF_8);
        // counted from the end: the text ends exactly at byte v.bytes() (its start may be a character cut by the agent's
        // ring, which the agent decoded as U+FFFD, so its length in bytes is not to be trusted there)
        long fresh = seen < 0 ? all.length : v.bytes() - seen;
        boolean restarted = false;
        long lost = 0;
        int from;
        if (seen <= 0) {
            from = seen < 0 ? 0 : (int) Math.max(0, all.length - fresh);
            lost = seen < 0 ? 0 : Math.max(0, fresh - all.length);
        } else if (fresh < 0 || fresh <= all.length && !continues(all, (int) (all.length - fresh), 3 * leadingReplacements(t))) {
            restarted = true;
            from = 0;
            if (askedFor > 0) {
                // the answer starts where the old console was, not at the new one's start: say so, ask for all of it next
                seen = 0;
                lastBytes = new byte[0];
                carry = "";
                return append(lineBreakIfNeeded() + "── the console started again (a new QEMU: power cycle, revert or move) ──\n", true, 0);
            }
        } else if (fresh > all.length) {
            lost = fresh - all.length;
            from = 0;
        } else {
            from = (int) (all.length - fresh);
        }
        StringBuilder out = new StringBuilder();
        if (restarted) {
            out.append(lineBreakIfNeeded()).append("── the console started again (a new QEMU: power cycle, revert or move) ──\n");
        } else if (lost > 0) {
            out.append(lineBreakIfNeeded()).append("── ").append(lost).append(" bytes printed faster than they were read are not shown ──\n");
        }
        if (restarted || lost > 0) {
            carry = "";
        }
        out.append(clean(new String(all, from, all.length - from, StandardCharsets.UTF_8)));
        bytesTaken += all.length - from;
        seen = v.bytes();
        lastBytes = Arrays.copyOfRange(all, Math.max(0, all.length - OVERLAP), all.length);
        return append(out.toString(), restarted, lost);
    }

    /** U+FFFD characters at the start of {@code t}: bytes of a character cut where the agent's answer starts. */
    private static int leadingReplacements(String t) {
        int n = 0;
        while (n < t.length() && t.charAt(n) == '\uFFFD') {
            n++;
        }
        return n;
    }

    /**
     * Whether the bytes before the new ones (which start at {@code from}) are the last ones taken: the same console
     * going on. The first {@code floor} bytes (a replacement character for a cut one) are not compared.
     */
    private boolean continues(byte[] all, int from, int floor) {
        int k = Math.min(lastBytes.length, from - floor);
        if (k <= 0) {
            return true; // nothing left to compare
        }
        return Arrays.equals(all, from - k, from, lastBytes, lastBytes.length - k, lastBytes.length);
    }

    private String lineBreakIfNeeded() {
        return lines.getLast().isEmpty() ? "" : "\n";
    }

    private Update append(String text, boolean restarted, long lost) {
        if (text.isEmpty()) {
            return new Update("", 0, 0, restarted, lost);
        }
        int nl = text.indexOf('\n');
        if (nl < 0) {
            lines.add(lines.removeLast() + text);
        } else {
            lines.add(lines.removeLast() + text.substring(0, nl));
            int at = nl + 1;
            for (int next; (next = text.indexOf('\n', at)) >= 0; at = next + 1) {
                lines.add(text.substring(at, next));
            }
            lines.add(text.substring(at));
        }
        chars += text.length();
        int dropped = 0;
        int droppedLines = 0;
        while (lines.size() > maxLines) {
            dropped += lines.removeFirst().length() + 1;
            droppedLines++;
        }
        chars -= dropped;
        return new Update(text, dropped, droppedLines, restarted, lost);
    }

    /**
     * {@code raw} without carriage returns, escape sequences and control characters but tab and newline; an escape
     * sequence not finished at the end of {@code raw} is kept for the next call.
     */
    String clean(String raw) {
        String s = carry + raw;
        carry = "";
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0x1b) { // ESC: CSI "ESC [ params final", OSC "ESC ] … BEL|ESC \", or ESC and one character
                int end = escapeEnd(s, i);
                if (end < 0) {
                    carry = s.substring(i);
                    break;
                }
                i = end;
            } else if (c == '\n' || c == '\t' || c >= 0x20 && c != 0x7f) {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** The index of the last character of the escape sequence starting at {@code i}, or -1 when it is not complete. */
    private static int escapeEnd(String s, int i) {
        if (i + 1 >= s.length()) {
            return -1;
        }
        char k = s.charAt(i + 1);
        if (k == '[') {
            for (int j = i + 2; j < s.length(); j++) {
                char c = s.charAt(j);
                if (c >= 0x40 && c <= 0x7e) {
                    return j;
                }
                if (j - i > 32) {
                    return j; // not a sequence we know: dropped as far as this
                }
            }
            return -1;
        }
        if (k == ']') {
            for (int j = i + 2; j < s.length(); j++) {
                char c = s.charAt(j);
                if (c == 0x07) {
                    return j;
                }
                if (c == 0x1b && j + 1 < s.length() && s.charAt(j + 1) == '\\') {
                    return j + 1;
                }
                if (j - i > 256) {
                    return j;
                }
            }
            return -1;
        }
        return i + 1;
    }

    /** Empties the scrollback; the console's count goes on (what comes next is added after it). */
    public void clear() {
        lines.clear();
        lines.add("");
        chars = 0;
    }

    /** The scrollback as the widget shows it (lines joined with "\n"). */
    public String text() {
        return String.join("\n", lines);
    }

    /** Lines in the scrollback (the line being printed counts). */
    public int lineCount() {
        return lines.size();
    }

    /** Characters in the scrollback. */
    public int chars() {
        return chars;
    }

    public int maxLines() {
        return maxLines;
    }

    /** Bytes of the console taken so far (its count at the last poll); -1 before the first. */
    public long seen() {
        return seen;
    }

    public long polls() {
        return polls;
    }

    /** Bytes of the console's text turned into scrollback since the start (what incremental polling read anew). */
    public long bytesTaken() {
        return bytesTaken;
    }
}

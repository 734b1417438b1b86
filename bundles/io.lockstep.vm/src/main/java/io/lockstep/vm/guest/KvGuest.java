package io.lockstep.vm.guest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.lockstep.vm.GuestContext;
import io.lockstep.vm.GuestMemory;
import io.lockstep.vm.GuestProgram;
import io.lockstep.vm.GuestRegistry;
import io.lockstep.vm.InputEvent;

/**
 * A key-value server speaking a subset of the Redis protocol (GET, SET, DEL, INCR, EXISTS, DBSIZE, and what clients
 * send when they connect and ask: HELLO with RESP3, CLIENT, SELECT, AUTH, PING, ECHO, INFO, COMMAND — see
 * {@link KvCommand} and {@link KvSession}) whose whole table lives in guest memory and whose writes are appended to a log on its virtual disk. Each step
 * handles one input: a connection opened or closed, bytes that arrived (every complete command in them is
 * answered), a timer tick (the log buffer goes to disk).
 *
 * <h2>Memory layout</h2>
 * <pre>
 * page 0          header: magic, bucket count and address, heap start/top/end, keys, commands, log (base sector,
 *                 buffer address and length), connection table address and size, free lists (size classes 2^5..2^20)
 * pages 1 …       connection table: per slot state, connection id, buffered length, capacity, buffer address,
 *                 the connection's attributes and protocol (see {@link KvSession})
 *                 log buffer (64 KiB): the tail of the append log not yet written to disk
 *                 hash buckets (u64 entry addresses)
 * heap            entries [next u64 | hash u32 | key length u32 | value length u32 | class u8 | key | value]
 *                 and connection buffers, allocated by power-of-two size class with free lists
 * </pre>
 */
public final class KvGuest implements GuestProgram {

    private static final int MAGIC = 0x4C534B56; // "LSKV"
    private static final long H_MAGIC = 0;
    private static final long H_BUCKET_COUNT = 4;
    private static final long H_BUCKETS = 8;
    private static final long H_HEAP_START = 16;
    private static final long H_HEAP_TOP = 24;
    private static final long H_HEAP_END = 32;
    private static final long H_KEYS = 40;
    private static final long H_COMMANDS = 48;
    private static final long H_LOG_BASE = 56;
    private static final long H_LOG_BUF = 64;
    private static final long H_LOG_LEN = 72;
    private static final long H_CONNS = 80;
    private static final long H_MAX_CONNS = 88;
    private static final long H_LOG_FULL = 92;
    private static final long H_FREE = 96;
    private static final int MIN_CLASS = 5;
    private static final int MAX_CLASS = 20;
    private static final int CONN_ENTRY = 32;
    private static final int LOG_BUF = 64 * 1024;
    private static final int ENTRY_HEADER = 24;

    private final int maxConns;
    private final String spec;

    public KvGuest(Map<String, String> params) {
        GuestRegistry.onlyKnown(params, "kv", "maxConnections");
        maxConns = (int) GuestRegistry.parameter(params, "kv", "maxConnections", 1024, 1, 65536);
        spec = "kv:maxConnections=" + maxConns;
    }

    @Override
    public String spec() {
        return spec;
    }

    @Override
    public void checkFits(long memoryBytes, long diskSectors) {
        if (memoryBytes < (1 << 20)) {
            throw new IllegalArgumentException("kv: needs at least 1 MiB of memory, found " + memoryBytes + " bytes");
        }
    }

    @Override
    public void boot(GuestContext ctx) {
        GuestMemory m = ctx.memory();
        long size = m.bytes();
        checkFits(size, ctx.diskSectors());
        long conns = GuestMemory.PAGE;
        long logBuf = align(conns + (long) maxConns * CONN_ENTRY, 512);
        int buckets = Integer.highestOneBit((int) Math.max(1024, Math.min(1 << 24, size / 512)));
        long bucketsAt = align(logBuf + LOG_BUF, 8);
        long heap = align(bucketsAt + (long) buckets * 8, 64);
        m.writeInt(H_MAGIC, MAGIC);
        m.writeInt(H_BUCKET_COUNT, buckets);
        m.writeLong(H_BUCKETS, bucketsAt);
        m.writeLong(H_HEAP_START, heap);
        m.writeLong(H_HEAP_TOP, heap);
        m.writeLong(H_HEAP_END, size);
        m.writeLong(H_LOG_BUF, logBuf);
        m.writeLong(H_CONNS, conns);
        m.writeInt(H_MAX_CONNS, maxConns);
    }

    private static long align(long v, long a) {
        return (v + a - 1) / a * a;
    }

    @Override
    public boolean step(GuestContext ctx) throws IOException {
        InputEvent e = ctx.nextInput();
        if (e == null) {
            return false;
        }
        GuestMemory m = ctx.memory();
        switch (e.kind()) {
            case NET_OPEN -> slot(m, e.channel(), true);
            case NET_DATA -> received(ctx, m, e.channel(), e.payload());
            case NET_CLOSE -> closed(m, e.channel());
            case TIMER -> flushLog(ctx, m);
        }
        return true;
    }

    // --- connections --------------------------------------------------------------------------------------

    /** The connection's slot address (open it when asked); 0 when the table is full. */
    private long slot(GuestMemory m, int connection, boolean open) {
        long table = m.readLong(H_CONNS);
        int max = m.readInt(H_MAX_CONNS);
        int start = Math.floorMod(connection, max);
        long free = 0;
        for (int i = 0; i < max; i++) {
            long s = table + (long) ((start + i) % max) * CONN_ENTRY;
            int state = m.readInt(s);
            if (state == 1 && m.readInt(s + 4) == connection) {
                return s;
            }
            if (state == 0 && free == 0) {
                free = s;
                if (!open) {
                    break;
                }
            }
        }
        if (!open || free == 0) {
            return 0;
        }
        m.writeInt(free, 1);
        m.writeInt(free + 4, connection);
        m.writeInt(free + 8, 0);
        m.writeInt(free + 12, 0);
        m.writeLong(free + 16, 0);
        m.writeLong(free + 24, 0);
        return free;
    }

    private void closed(GuestMemory m, int connection) {
        long s = slot(m, connection, false);
        if (s != 0) {
            long buf = m.readLong(s + 16);
            if (buf != 0) {
                free(m, buf, classOf(m.readInt(s + 12)));
            }
            KvSession.closed(m, s);
            m.writeInt(s, 0);
            m.writeInt(s + 4, 0);
            m.writeInt(s + 8, 0);
            m.writeInt(s + 12, 0);
            m.writeLong(s + 16, 0);
            m.writeLong(s + 24, 0);
        }
    }

    private void received(GuestContext ctx, GuestMemory m, int connection, byte[] data) throws IOException {
        long s = slot(m, connection, true);
        if (s == 0) {
            ctx.send(connection, Resp.error("ERR max number of clients reached", true));
            return;
        }
        int len = m.readInt(s + 8);
        int cap = m.readInt(s + 12);
        long buf = m.readLong(s + 16);
        if (len + data.length > cap) {
            int need = Math.max(4096, Integer.highestOneBit(len + data.length - 1) << 1);
            if (classOf(need) > MAX_CLASS) {
                ctx.send(connection, Resp.error("ERR Protocol error: request too large", true));
                m.writeInt(s + 8, 0);
                return;
            }
            long grown = alloc(m, classOf(need));
            if (grown == 0) {
                ctx.send(connection, Resp.error("OOM command not allowed when used memory > 'maxmemory'.", true));
                return;
            }
            if (buf != 0) {
                m.write(grown, m.read(buf, len));
                free(m, buf, classOf(cap));
            }
            buf = grown;
            cap = 1 << classOf(need);
            m.writeLong(s + 16, buf);
            m.writeInt(s + 12, cap);
        }
        m.write(buf + len, data);
        len += data.length;
        byte[] pending = m.read(buf, len);
        int consumed = 0;
        ByteArrayOutputStream replies = new ByteArrayOutputStream();
        while (consumed < len) {
            byte[] rest = consumed == 0 ? pending : java.util.Arrays.copyOfRange(pending, consumed, len);
            Resp.Parsed p = Resp.parse(rest, rest.length);
            if (p.error() != null) {
                replies.writeBytes(Resp.error("ERR Protocol error: " + p.error(), true));
                consumed = len; // what was buffered is dropped; the connection and the server go on
                break;
            }
            if (!p.complete()) {
                break;
            }
            consumed += p.consumed();
            if (!p.args().isEmpty()) {
                replies.writeBytes(execute(ctx, m, s, p.args()));
            }
        }
        if (consumed > 0) {
            if (consumed < len) {
                m.write(buf, pending, consumed, len - consumed);
            }
            m.writeInt(s + 8, len - consumed);
        }
        if (replies.size() > 0) {
            ctx.send(connection, replies.toByteArray());
        }
    }

    // --- commands -----------------------------------------------------------------------------------------

    private byte[] execute(GuestContext ctx, GuestMemory m, long slot, List<byte[]> args) throws IOException {
        m.writeLong(H_COMMANDS, m.readLong(H_COMMANDS) + 1);
        KvCommand c = KvCommand.named(KvSession.text(args.get(0)));
        if (c == null) {
            StringBuilder first = new StringBuilder();
            for (byte[] a : args.subList(1, Math.min(args.size(), 4))) {
                first.append('\'').append(KvSession.text(a)).append("' ");
            }
            return Resp.error("ERR unknown command '" + KvSession.text(args.get(0)) + "', with args beginning with: " + first, true);
        }
        if (!c.arityFits(args.size())) {
            return KvSession.arity(c);
        }
        switch (c) {
            case GET:
                byte[] value = get(m, args.get(1));
                return value == null ? Resp.nil(KvSession.protocol(m, slot)) : Resp.bulk(value);
            case SET:
                if (args.size() != 3) {
                    return Resp.error("ERR syntax error (options of SET are not supported)", true);
                }
                if (!set(m, args.get(1), args.get(2))) {
                    return oom();
                }
                log(ctx, m, args);
                return Resp.simple("OK");
            case DEL: {
                long n = 0;
                for (int i = 1; i < args.size(); i++) {
                    n += del(m, args.get(i)) ? 1 : 0;
                }
                if (n > 0) {
                    log(ctx, m, args);
                }
                return Resp.integer(n);
            }
            case INCR: {
                byte[] current = get(m, args.get(1));
                long v = 0;
                if (current != null) {
                    try {
                        v = Long.parseLong(new String(current, StandardCharsets.ISO_8859_1));
                    } catch (NumberFormatException e) {
                        return Resp.error("ERR value is not an integer or out of range", true);
                    }
                    if (v == Long.MAX_VALUE) {
                        return Resp.error("ERR increment or decrement would overflow", true);
                    }
                }
                v++;
                if (!set(m, args.get(1), Long.toString(v).getBytes(StandardCharsets.US_ASCII))) {
                    return oom();
                }
                log(ctx, m, args);
                return Resp.integer(v);
            }
            case EXISTS: {
                long n = 0;
                for (int i = 1; i < args.size(); i++) {
                    n += get(m, args.get(i)) != null ? 1 : 0;
                }
                return Resp.integer(n);
            }
            case DBSIZE:
                return Resp.integer(keys(m));
            default:
                return new KvSession(m, slot, () -> server(m)).execute(c, args);
        }
    }

    private static long keys(GuestMemory m) {
        return m.readInt(H_KEYS) & 0xFFFFFFFFL;
    }

    /** What INFO and CLIENT LIST report. */
    private static KvSession.Server server(GuestMemory m) {
        List<Long> open = new java.util.ArrayList<>();
        long table = m.readLong(H_CONNS);
        for (int i = 0, max = m.readInt(H_MAX_CONNS); i < max; i++) {
            if (m.readInt(table + (long) i * CONN_ENTRY) == 1) {
                open.add(table + (long) i * CONN_ENTRY);
            }
        }
        return new KvSession.Server(keys(m), m.readLong(H_COMMANDS), m.readLong(H_LOG_BASE), open);
    }

    static byte[] oom() {
        return Resp.error("OOM command not allowed when used memory > 'maxmemory'.", true);
    }

    // --- the hash table -------------------------------------------------------------------------------------

    private static int hash(byte[] key) {
        int h = 0x811C9DC5;
        for (byte b : key) {
            h ^= b & 0xFF;
            h *= 0x01000193;
        }
        return h;
    }

    private long bucket(GuestMemory m, int hash) {
        int count = m.readInt(H_BUCKET_COUNT);
        return m.readLong(H_BUCKETS) + (long) (hash & (count - 1)) * 8;
    }

    /** The entry for {@code key}, or 0. */
    private long find(GuestMemory m, byte[] key, int hash) {
        for (long e = m.readLong(bucket(m, hash)); e != 0; e = m.readLong(e)) {
            if (m.readInt(e + 8) == hash && m.readInt(e + 12) == key.length && java.util.Arrays.equals(m.read(e + ENTRY_HEADER, key.length), key)) {
                return e;
            }
        }
        return 0;
    }

    private byte[] get(GuestMemory m, byte[] key) {
        long e = find(m, key, hash(key));
        if (e == 0) {
            return null;
        }
        return m.read(e + ENTRY_HEADER + key.length, m.readInt(e + 16));
    }

    private boolean set(GuestMemory m, byte[] key, byte[] value) {
        int h = hash(key);
        long old = find(m, key, h);
        int size = ENTRY_HEADER + key.length + value.length;
        int c = classOf(size);
        if (c > MAX_CLASS) {
            return false;
        }
        if (old != 0 && (m.read(old + 20) & 0xFF) == c) {
            m.writeInt(old + 16, value.length);
            m.write(old + ENTRY_HEADER + key.length, value);
            return true;
        }
        long e = alloc(m, c);
        if (e == 0) {
            return false;
        }
        m.writeInt(e + 8, h);
        m.writeInt(e + 12, key.length);
        m.writeInt(e + 16, value.length);
        m.write(e + 20, (byte) c);
        m.write(e + ENTRY_HEADER, key);
        m.write(e + ENTRY_HEADER + key.length, value);
        long b = bucket(m, h);
        if (old != 0) {
            unlink(m, b, old);
            free(m, old, m.read(old + 20) & 0xFF);
        } else {
            m.writeInt(H_KEYS, m.readInt(H_KEYS) + 1);
        }
        m.writeLong(e, m.readLong(b));
        m.writeLong(b, e);
        return true;
    }

    private boolean del(GuestMemory m, byte[] key) {
        int h = hash(key);
        long e = find(m, key, h);
        if (e == 0) {
            return false;
        }
        unlink(m, bucket(m, h), e);
        free(m, e, m.read(e + 20) & 0xFF);
        m.writeInt(H_KEYS, m.readInt(H_KEYS) - 1);
        return true;
    }

    private static void unlink(GuestMemory m, long bucket, long entry) {
        long prev = 0;
        for (long e = m.readLong(bucket); e != 0; prev = e, e = m.readLong(e)) {
            if (e == entry) {
                if (prev == 0) {
                    m.writeLong(bucket, m.readLong(e));
                } else {
                    m.writeLong(prev, m.readLong(e));
                }
                return;
            }
        }
    }

    // --- the allocator --------------------------------------------------------------------------------------

    static int classOf(int size) {
        int c = 32 - Integer.numberOfLeadingZeros(Math.max(1, size) - 1);
        return Math.max(MIN_CLASS, c);
    }

    static long alloc(GuestMemory m, int c) {
        long head = H_FREE + (long) c * 8;
        long block = m.readLong(head);
        if (block != 0) {
            m.writeLong(head, m.readLong(block));
            return block;
        }
        long top = m.readLong(H_HEAP_TOP);
        if (top + (1L << c) > m.readLong(H_HEAP_END)) {
            return 0;
        }
        m.writeLong(H_HEAP_TOP, top + (1L << c));
        return top;
    }

    static void free(GuestMemory m, long block, int c) {
        long head = H_FREE + (long) c * 8;
        m.writeLong(block, m.readLong(head));
        m.writeLong(head, block);
    }

    // --- the append log on the virtual disk ----------------------------------------------------------------

    private void log(GuestContext ctx, GuestMemory m, List<byte[]> args) throws IOException {
        if (m.readInt(H_LOG_FULL) != 0 || ctx.diskSectors() == 0) {
            return;
        }
        byte[] record = Resp.encode(args);
        int len = m.readInt(H_LOG_LEN);
        if (len + record.length + 4 > LOG_BUF) {
            flushLog(ctx, m);
            len = m.readInt(H_LOG_LEN);
            if (len + record.length + 4 > LOG_BUF) {
                return; // a single record larger than the buffer is not logged
            }
        }
        long buf = m.readLong(H_LOG_BUF);
        m.writeInt(buf + len, record.length);
        m.write(buf + len + 4, record);
        m.writeInt(H_LOG_LEN, len + 4 + record.length);
        if (len + 4 + record.length > LOG_BUF / 2) {
            flushLog(ctx, m);
        }
    }

    /** Writes the buffered log (whole sectors; the partial last one again next time) and keeps its tail. */
    private void flushLog(GuestContext ctx, GuestMemory m) throws IOException {
        int len = m.readInt(H_LOG_LEN);
        if (len == 0 || m.readInt(H_LOG_FULL) != 0) {
            return;
        }
        long base = m.readLong(H_LOG_BASE);
        int sectors = (len + 511) / 512;
        if (base + sectors > ctx.diskSectors()) {
            m.writeInt(H_LOG_FULL, 1);
            return;
        }
        long buf = m.readLong(H_LOG_BUF);
        byte[] out = new byte[sectors * 512];
        m.read(buf, out, 0, len);
        ctx.diskWrite(base, out);
        int full = len / 512;
        int tail = len % 512;
        if (full > 0 && tail > 0) {
            m.write(buf, out, full * 512, tail);
        }
        m.writeLong(H_LOG_BASE, base + full);
        m.writeInt(H_LOG_LEN, tail);
    }
}

package io.lockstep.vm.guest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import io.lockstep.vm.GuestMemory;

/**
 * The KV guest's connection commands — what current Redis clients send when they connect ({@code HELLO},
 * {@code CLIENT SETINFO/SETNAME}, {@code SELECT 0}, {@code AUTH}) and what they ask of a server ({@code PING},
 * {@code ECHO}, {@code CLIENT ID/GETNAME/INFO/LIST}, {@code INFO}, {@code COMMAND}). Answers use Redis's own reply
 * shapes and error texts, so clients negotiate as they would with Redis: {@code HELLO 3} switches the connection to
 * RESP3, any other version is refused with {@code NOPROTO} (clients then fall back to protocol 2).
 *
 * <p>A connection's state lives in guest memory, like everything else of the guest (so it is checkpointed,
 * replicated and replayed with it): two words of its connection-table slot —
 * <pre>
 * slot + 24   u32   its attributes block's address / 32 (0: none; heap blocks are 32-byte aligned)
 * slot + 28   u32   its protocol (0 or 2: RESP2, 3: RESP3)
 * attributes  [u32 name length | u32 lib-name length | u32 lib-ver length | u32 0 | name | lib-name | lib-ver],
 *             a heap block rewritten whole when one of them changes
 * </pre>
 * There is no password (Redis's default user with {@code nopass}): {@code AUTH default <anything>} succeeds as it
 * does on such a Redis, {@code AUTH <password>} gets Redis's "without any password configured" error.
 */
final class KvSession {

    /** What Redis version the guest answers to; the commands it has behave as Redis 7.2's do. */
    static final String REDIS_VERSION = "7.2.0";
    /** The longest client name, library name or version the guest keeps (Redis has no limit; our heap has). */
    static final int MAX_ATTRIBUTE = 4096;

    private static final long SLOT_ATTRIBUTES = 24;
    private static final long SLOT_PROTOCOL = 28;
    private static final int ATTRIBUTES_HEADER = 16;
    private static final int NAME = 0;
    private static final int LIB_NAME = 1;
    private static final int LIB_VER = 2;

    /** The server's figures that INFO and CLIENT LIST report, read from guest memory when asked. */
    record Server(long keys, long commands, long logSectors, List<Long> openSlots) {
    }

    private final GuestMemory m;
    private final long slot;
    private final Supplier<Server> server;

    KvSession(GuestMemory m, long slot, Supplier<Server> server) {
        this.m = m;
        this.slot = slot;
        this.server = server;
    }

    /** The protocol the connection in {@code slot} speaks: 2 or 3. */
    static int protocol(GuestMemory m, long slot) {
        return m.readInt(slot + SLOT_PROTOCOL) == 3 ? 3 : 2;
    }

    /** Frees what the connection in {@code slot} kept, before the slot is cleared. */
    static void closed(GuestMemory m, long slot) {
        long block = attributesBlock(m, slot);
        if (block != 0) {
            KvGuest.free(m, block, KvGuest.classOf(ATTRIBUTES_HEADER + attributesLength(m, block)));
        }
        m.writeInt(slot + SLOT_ATTRIBUTES, 0);
    }

    private int protocol() {
        return protocol(m, slot);
    }

    private int connectionId() {
        return m.readInt(slot + 4);
    }

    /** Runs a connection or server command; the arity was checked against {@link KvCommand}. */
    byte[] execute(KvCommand c, List<byte[]> args) {
        return switch (c) {
            case PING -> args.size() == 2 ? Resp.bulk(args.get(1)) : args.size() == 1 ? Resp.simple("PONG") : arity(c);
            case ECHO -> Resp.bulk(args.get(1));
            case HELLO -> hello(args);
            case AUTH -> auth(args.size() == 2 ? null : text(args.get(1)), "AUTH");
            case CLIENT -> client(args);
            case SELECT -> select(text(args.get(1)));
            case RESET -> {
                closed(m, slot);
                m.writeInt(slot + SLOT_PROTOCOL, 0);
                yield Resp.simple("RESET");
            }
            case QUIT -> Resp.simple("OK");
            case INFO -> info(args);
            case COMMAND -> KvCommand.command(protocol(), args);
            case CONFIG -> config(args);
            default -> throw new IllegalArgumentException("not a connection command: " + c);
        };
    }

    // --- HELLO, AUTH, SELECT ----------------------------------------------------------------------------------

    private byte[] hello(List<byte[]> args) {
        int version = protocol();
        int i = 1;
        if (args.size() > 1) {
            long asked = integer(args.get(1));
            if (asked == Long.MIN_VALUE) {
                return Resp.error("ERR Protocol version is not an integer or out of range", true);
            }
            if (asked != 2 && asked != 3) {
                return Resp.error("NOPROTO unsupported protocol version", true);
            }
            version = (int) asked;
            i = 2;
        }
        byte[] name = null;
        for (; i < args.size(); i++) {
            String option = text(args.get(i)).toUpperCase(Locale.ROOT);
            if (option.equals("AUTH") && i + 2 < args.size()) {
                byte[] refused = auth(text(args.get(i + 1)), "HELLO");
                if (refused != null) {
                    return refused;
                }
                i += 2;
            } else if (option.equals("SETNAME") && i + 1 < args.size()) {
                name = args.get(++i);
                String bad = badAttribute("Client names", name);
                if (bad != null) {
                    return Resp.error(bad, true);
                }
            } else {
                return Resp.error("ERR Syntax error in HELLO option '" + text(args.get(i)) + "'", true);
            }
        }
        if (name != null && !setAttribute(NAME, name)) {
            return KvGuest.oom();
        }
        m.writeInt(slot + SLOT_PROTOCOL, version);
        return Resp.map(version, List.of(Resp.bulk("server"), Resp.bulk("redis"), Resp.bulk("version"),
                Resp.bulk(REDIS_VERSION), Resp.bulk("proto"), Resp.integer(version), Resp.bulk("id"),
                Resp.integer(connectionId()), Resp.bulk("mode"), Resp.bulk("standalone"), Resp.bulk("role"),
                Resp.bulk("master"), Resp.bulk("modules"), Resp.array(List.of())));
    }

    /** AUTH (user null: the password-only form); as HELLO's option, null when it succeeded. */
    private static byte[] auth(String user, String asked) {
        if (user == null) {
            return Resp.error("ERR AUTH <password> called without any password configured for the default user. "
                    + "Are you sure your configuration is correct?", true);
        }
        if (!user.equals("default")) {
            return Resp.error("WRONGPASS invalid username-password pair or user is disabled.", true);
        }
        return asked.equals("HELLO") ? null : Resp.simple("OK");
    }

    private static byte[] select(String db) {
        long n = integer(db.getBytes(StandardCharsets.ISO_8859_1));
        if (n == Long.MIN_VALUE) {
            return Resp.error("ERR value is not an integer or out of range", true);
        }
        return n == 0 ? Resp.simple("OK") : Resp.error("ERR DB index is out of range", true);
    }

    // --- CLIENT -----------------------------------------------------------------------------------------------

    private byte[] client(List<byte[]> args) {
        String sub = text(args.get(1)).toUpperCase(Locale.ROOT);
        int n = args.size();
        switch (sub) {
            case "ID":
                return n == 2 ? Resp.integer(connectionId()) : subArity("client", sub);
            case "GETNAME": {
                if (n != 2) {
                    return subArity("client", sub);
                }
                byte[] name = attribute(NAME);
                return name.length == 0 ? Resp.nil(protocol()) : Resp.bulk(name);
            }
            case "SETNAME": {
                if (n != 3) {
                    return subArity("client", sub);
                }
                String bad = badAttribute("Client names", args.get(2));
                if (bad != null) {
                    return Resp.error(bad, true);
                }
                return setAttribute(NAME, args.get(2)) ? Resp.simple("OK") : KvGuest.oom();
            }
            case "SETINFO": {
                if (n != 4) {
                    return subArity("client", sub);
                }
                String attribute = text(args.get(2)).toUpperCase(Locale.ROOT);
                int which = attribute.equals("LIB-NAME") ? LIB_NAME : attribute.equals("LIB-VER") ? LIB_VER : -1;
                if (which < 0) {
                    return Resp.error("ERR Unrecognized option '" + text(args.get(2)) + "'", true);
                }
                String bad = badAttribute(attribute.toLowerCase(Locale.ROOT), args.get(3));
                if (bad != null) {
                    return Resp.error(bad, true);
                }
                return setAttribute(which, args.get(3)) ? Resp.simple("OK") : KvGuest.oom();
            }
            case "INFO":
                return n == 2 ? Resp.verbatim(protocol(), describe(slot) + "\n") : subArity("client", sub);
            case "LIST": {
                if (n != 2) {
                    return Resp.error("ERR syntax error (CLIENT LIST filters are not supported)", true);
                }
                StringBuilder list = new StringBuilder();
                for (long other : server.get().openSlots()) {
                    list.append(describe(other)).append('\n');
                }
                return Resp.verbatim(protocol(), list.toString());
            }
            case "HELP": {
                List<byte[]> lines = new ArrayList<>();
                for (String line : List.of("CLIENT <subcommand> [<arg> ...]. Subcommands are:", "ID", "    Return the ID of the current connection.",
                        "GETNAME", "    Return the name of the current connection.", "SETNAME <name>", "    Assign the name <name> to the current connection.",
                        "SETINFO <LIB-NAME|LIB-VER> <value>", "    Set the client's library name or version.", "INFO",
                        "    Return information about the current connection.", "LIST", "    Return information about every connection.", "HELP",
                        "    Print this help.")) {
                    lines.add(Resp.simple(line));
                }
                return Resp.array(lines);
            }
            default:
                return unknownSubcommand(sub, "CLIENT");
        }
    }

    /** One connection as CLIENT INFO and CLIENT LIST print it (the fields the guest knows, in Redis's order). */
    private String describe(long s) {
        return "id=" + m.readInt(s + 4) + " name=" + text(attribute(m, s, NAME)) + " db=0 resp=" + protocol(m, s)
                + " lib-name=" + text(attribute(m, s, LIB_NAME)) + " lib-ver=" + text(attribute(m, s, LIB_VER));
    }

    /** Redis's rule for names and library attributes: printable, no spaces. The error, or null when fine. */
    private static String badAttribute(String what, byte[] value) {
        for (byte b : value) {
            if (b < '!' || b > '~') {
                return "ERR " + what + " cannot contain spaces, newlines or special characters.";
            }
        }
        if (value.length > MAX_ATTRIBUTE) {
            return "ERR " + what + " are kept up to " + MAX_ATTRIBUTE + " bytes by this server, found " + value.length;
        }
        return null;
    }

    private static long attributesBlock(GuestMemory m, long slot) {
        return (m.readInt(slot + SLOT_ATTRIBUTES) & 0xFFFFFFFFL) * 32;
    }

    private static int attributesLength(GuestMemory m, long block) {
        return m.readInt(block) + m.readInt(block + 4) + m.readInt(block + 8);
    }

    private byte[] attribute(int which) {
        return attribute(m, slot, which);
    }

    private static byte[] attribute(GuestMemory m, long slot, int which) {
        long block = attributesBlock(m, slot);
        if (block == 0) {
            return new byte[0];
        }
        long at = block + ATTRIBUTES_HEADER;
        for (int i = 0; i < which; i++) {
            at += m.readInt(block + 4L * i);
        }
        return m.read(at, m.readInt(block + 4L * which));
    }

    /** Rewrites the connection's attributes block with one attribute changed (an empty value clears it); false when
     *  guest memory is full (the old attributes stay). */
    private boolean setAttribute(int which, byte[] value) {
        byte[][] values = {attribute(NAME), attribute(LIB_NAME), attribute(LIB_VER)};
        values[which] = value;
        int length = values[0].length + values[1].length + values[2].length;
        long block = 0;
        if (length > 0) {
            block = KvGuest.alloc(m, KvGuest.classOf(ATTRIBUTES_HEADER + length));
            if (block == 0) {
                return false;
            }
            long at = block + ATTRIBUTES_HEADER;
            for (int i = 0; i < 3; i++) {
                m.writeInt(block + 4L * i, values[i].length);
                m.write(at, values[i]);
                at += values[i].length;
            }
            m.writeInt(block + 12, 0);
        }
        closed(m, slot);
        m.writeInt(slot + SLOT_ATTRIBUTES, (int) (block / 32));
        return true;
    }

    // --- CONFIG GET -------------------------------------------------------------------------------------------

    /** The guest's fixed configuration, as tools ask for it (redis-benchmark asks for save and appendonly). */
    private static final java.util.Map<String, String> CONFIGURATION = java.util.Map.of("databases", "1", "save", "",
            "appendonly", "no");

    private byte[] config(List<byte[]> args) {
        String sub = text(args.get(1)).toUpperCase(Locale.ROOT);
        if (!sub.equals("GET")) {
            return sub.equals("SET") || sub.equals("RESETSTAT") || sub.equals("REWRITE")
                    ? Resp.error("ERR CONFIG " + sub + " is not supported: the KV guest's configuration is fixed", true)
                    : unknownSubcommand(sub, "CONFIG");
        }
        if (args.size() < 3) {
            return subArity("config", sub);
        }
        List<byte[]> found = new ArrayList<>();
        for (String name : new java.util.TreeSet<>(CONFIGURATION.keySet())) {
            for (byte[] pattern : args.subList(2, args.size())) {
                if (globMatches(text(pattern).toLowerCase(Locale.ROOT), 0, name, 0)) {
                    found.add(Resp.bulk(name));
                    found.add(Resp.bulk(CONFIGURATION.get(name)));
                    break;
                }
            }
        }
        return Resp.map(protocol(), found);
    }

    /** Redis's glob: {@code *} any run, {@code ?} any one character, everything else itself. */
    private static boolean globMatches(String pattern, int p, String name, int n) {
        if (p == pattern.length()) {
            return n == name.length();
        }
        char c = pattern.charAt(p);
        if (c == '*') {
            for (int i = n; i <= name.length(); i++) {
                if (globMatches(pattern, p + 1, name, i)) {
                    return true;
                }
            }
            return false;
        }
        return n < name.length() && (c == '?' || c == name.charAt(n)) && globMatches(pattern, p + 1, name, n + 1);
    }

    // --- INFO -------------------------------------------------------------------------------------------------

    private byte[] info(List<byte[]> args) {
        Server s = server.get();
        List<String> asked = new ArrayList<>();
        for (byte[] a : args.subList(1, args.size())) {
            asked.add(text(a).toLowerCase(Locale.ROOT));
        }
        boolean all = asked.isEmpty() || asked.contains("default") || asked.contains("all") || asked.contains("everything");
        StringBuilder b = new StringBuilder();
        if (all || asked.contains("server")) {
            b.append("# Server\r\nredis_version:").append(REDIS_VERSION).append("\r\nredis_mode:standalone\r\n")
                    .append("lockstep_guest:kv\r\narch_bits:64\r\n\r\n");
        }
        if (all || asked.contains("clients")) {
            b.append("# Clients\r\nconnected_clients:").append(s.openSlots().size()).append("\r\n\r\n");
        }
        if (all || asked.contains("stats")) {
            b.append("# Stats\r\ntotal_commands_processed:").append(s.commands()).append("\r\nlog_sectors:")
                    .append(s.logSectors()).append("\r\n\r\n");
        }
        if (all || asked.contains("keyspace")) {
            b.append("# Keyspace\r\n");
            if (s.keys() > 0) {
                b.append("db0:keys=").append(s.keys()).append(",expires=0,avg_ttl=0\r\n");
            }
            b.append("\r\n");
        }
        return Resp.verbatim(protocol(), b.length() >= 2 ? b.substring(0, b.length() - 2) : "");
    }

    // --- shared with the command table ------------------------------------------------------------------------

    static String text(byte[] word) {
        return new String(word, StandardCharsets.ISO_8859_1);
    }

    /** A decimal integer, or Long.MIN_VALUE when {@code word} is not one. */
    static long integer(byte[] word) {
        try {
            return Long.parseLong(text(word));
        } catch (NumberFormatException e) {
            return Long.MIN_VALUE;
        }
    }

    static byte[] arity(KvCommand c) {
        return Resp.error("ERR wrong number of arguments for '" + c.lowerName() + "' command", true);
    }

    static byte[] subArity(String command, String sub) {
        return Resp.error("ERR wrong number of arguments for '" + command + "|" + sub.toLowerCase(Locale.ROOT) + "' command", true);
    }

    static byte[] unknownSubcommand(String sub, String command) {
        return Resp.error("ERR unknown subcommand '" + sub.toLowerCase(Locale.ROOT) + "'. Try " + command + " HELP.", true);
    }
}

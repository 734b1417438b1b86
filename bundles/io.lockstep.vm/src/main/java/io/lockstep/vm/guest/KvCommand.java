package io.lockstep.vm.guest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every command the KV guest knows, with what Redis's {@code COMMAND} says of it: arity (n = exactly n words with the
 * name, -n = at least n), flags, the first and last key position and the step between keys, its group and a
 * summary. The table answers {@code COMMAND}, {@code COMMAND INFO|COUNT|LIST|DOCS} (clients that route by key or
 * show hints ask) and checks every command's arity before it runs, with Redis's own error text.
 */
enum KvCommand {
    GET(2, 1, 1, 1, "string", "1.0.0", "Returns the string value of a key.", "readonly", "fast"),
    SET(-3, 1, 1, 1, "string", "1.0.0", "Sets the string value of a key.", "write", "denyoom"),
    DEL(-2, 1, -1, 1, "generic", "1.0.0", "Deletes one or more keys.", "write"),
    INCR(2, 1, 1, 1, "string", "1.0.0", "Increments the integer value of a key by one.", "write", "denyoom", "fast"),
    EXISTS(-2, 1, -1, 1, "generic", "3.0.3", "Determines whether one or more keys exist.", "readonly", "fast"),
    DBSIZE(1, 0, 0, 0, "server", "1.0.0", "Returns the number of keys in the database.", "readonly", "fast"),
    PING(-1, 0, 0, 0, "connection", "1.0.0", "Returns the server's liveliness response.", "fast"),
    ECHO(2, 0, 0, 0, "connection", "1.0.0", "Returns the given string.", "fast"),
    HELLO(-1, 0, 0, 0, "connection", "6.0.0", "Handshakes with the server: protocol version, authentication, name.",
            "noscript", "loading", "stale", "fast", "no_auth", "allow_busy"),
    AUTH(-2, 0, 0, 0, "connection", "1.0.0", "Authenticates the connection.", "noscript", "loading", "stale", "fast",
            "no_auth", "allow_busy"),
    CLIENT(-2, 0, 0, 0, "connection", "2.4.0", "The connection's name, id, library and protocol (SETNAME, GETNAME, "
            + "SETINFO, ID, INFO, LIST, HELP).", "noscript", "loading", "stale"),
    SELECT(2, 0, 0, 0, "connection", "1.0.0", "Changes the selected database (the KV guest has database 0 only).",
            "loading", "stale", "fast"),
    RESET(1, 0, 0, 0, "connection", "6.2.0", "Resets the connection: protocol 2, no name, database 0.", "noscript",
            "loading", "stale", "fast", "no_auth", "allow_busy"),
    QUIT(-1, 0, 0, 0, "connection", "1.0.0", "Answers OK; the client then closes the connection.", "noscript",
            "loading", "stale", "fast", "no_auth", "allow_busy"),
    INFO(-1, 0, 0, 0, "server", "1.0.0", "Returns information and statistics about the server.", "loading", "stale"),
    COMMAND(-1, 0, 0, 0, "server", "2.8.13", "Returns details about the commands (COUNT, INFO, LIST, DOCS).",
            "loading", "stale"),
    CONFIG(-2, 0, 0, 0, "server", "2.0.0", "Returns the configuration parameters matching a pattern (GET only).",
            "admin", "noscript", "loading", "stale");

    final int arity;
    final int firstKey;
    final int lastKey;
    final int step;
    final String group;
    final String since;
    final String summary;
    final List<String> flags;

    KvCommand(int arity, int firstKey, int lastKey, int step, String group, String since, String summary, String... flags) {
        this.arity = arity;
        this.firstKey = firstKey;
        this.lastKey = lastKey;
        this.step = step;
        this.group = group;
        this.since = since;
        this.summary = summary;
        this.flags = List.of(flags);
    }

    /** The command named {@code name} (any case), or null. */
    static KvCommand named(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    String lowerName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Does a command of {@code words} words (the name included) fit the arity? */
    boolean arityFits(int words) {
        return arity >= 0 ? words == arity : words >= -arity;
    }

    /** The command's entry in {@code COMMAND}'s reply, in Redis 7's ten-element form. */
    byte[] info(int protocol) {
        List<byte[]> flagReplies = new ArrayList<>();
        flags.forEach(f -> flagReplies.add(Resp.simple(f)));
        return Resp.array(List.of(Resp.bulk(lowerName()), Resp.integer(arity), Resp.set(protocol, flagReplies),
                Resp.integer(firstKey), Resp.integer(lastKey), Resp.integer(step),
                Resp.set(protocol, List.of(Resp.simple("@" + group))), Resp.array(List.of()), Resp.array(List.of()),
                Resp.array(List.of())));
    }

    /** The command's entry in {@code COMMAND DOCS}: its summary, the version it came with, its group. */
    byte[] docs(int protocol) {
        return Resp.map(protocol, List.of(Resp.bulk("summary"), Resp.bulk(summary), Resp.bulk("since"), Resp.bulk(since),
                Resp.bulk("group"), Resp.bulk(group)));
    }

    /** {@code COMMAND} and its subcommands. */
    static byte[] command(int protocol, List<byte[]> args) {
        if (args.size() == 1) {
            List<byte[]> all = new ArrayList<>();
            for (KvCommand c : values()) {
                all.add(c.info(protocol));
            }
            return Resp.array(all);
        }
        String sub = KvSession.text(args.get(1)).toUpperCase(Locale.ROOT);
        switch (sub) {
            case "COUNT":
                return args.size() == 2 ? Resp.integer(values().length) : KvSession.subArity("command", sub);
            case "LIST": {
                if (args.size() != 2) {
                    return Resp.error("ERR syntax error (COMMAND LIST filters are not supported)", true);
                }
                List<byte[]> names = new ArrayList<>();
                for (KvCommand c : values()) {
                    names.add(Resp.bulk(c.lowerName()));
                }
                return Resp.array(names);
            }
            case "INFO": {
                List<byte[]> infos = new ArrayList<>();
                for (KvCommand c : args.size() == 2 ? List.of(values()) : namedIn(args)) {
                    infos.add(c == null ? Resp.nil(protocol) : c.info(protocol));
                }
                return Resp.array(infos);
            }
            case "DOCS": {
                List<byte[]> docs = new ArrayList<>();
                for (KvCommand c : args.size() == 2 ? List.of(values()) : namedIn(args)) {
                    if (c != null) { // Redis leaves unknown names out of DOCS
                        docs.add(Resp.bulk(c.lowerName()));
                        docs.add(c.docs(protocol));
                    }
                }
                return Resp.map(protocol, docs);
            }
            default:
                return KvSession.unknownSubcommand(sub, "COMMAND");
        }
    }

    /** The commands named by args[2…], null where a name is unknown. */
    private static List<KvCommand> namedIn(List<byte[]> args) {
        List<KvCommand> named = new ArrayList<>();
        for (byte[] a : args.subList(2, args.size())) {
            named.add(named(KvSession.text(a)));
        }
        return named;
    }
}

package io.lockstep.vdisk;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * The text descriptor embedded in a monolithicSparse VMDK: its content id (CID), its parent's content id and
 * file name (for a delta), and the extent line. A child records the CID its parent had when the child was made;
 * the parent's CID changes when its content changes, so a stale chain is detected rather than read.
 */
public record Descriptor(int cid, int parentCid, String createType, String parentFileNameHint, long extentSectors, String extentFile,
        Map<String, String> ddb) {

    public static final int NO_PARENT = 0xFFFFFFFF;

    public Descriptor {
        ddb = Map.copyOf(ddb);
    }

    public boolean hasParent() {
        return parentCid != NO_PARENT && parentFileNameHint != null;
    }

    static int newCid(Random random) {
        int cid;
        do {
            cid = random.nextInt();
        } while (cid == NO_PARENT);
        return cid;
    }

    static Descriptor base(long sectors, String file, int cid) {
        return new Descriptor(cid, NO_PARENT, "monolithicSparse", null, sectors, file, defaultDdb(sectors));
    }

    static Descriptor delta(long sectors, String file, int cid, int parentCid, String parentFileNameHint) {
        return new Descriptor(cid, parentCid, "monolithicSparse", parentFileNameHint, sectors, file, defaultDdb(sectors));
    }

    Descriptor withCid(int newCid) {
        return new Descriptor(newCid, parentCid, createType, parentFileNameHint, extentSectors, extentFile, ddb);
    }

    Descriptor withParent(int newParentCid, String hint) {
        return new Descriptor(cid, newParentCid, createType, hint, extentSectors, extentFile, ddb);
    }

    private static Map<String, String> defaultDdb(long sectors) {
        Map<String, String> d = new LinkedHashMap<>();
        long cylinders = Math.min(65535, Math.max(1, sectors / (16 * 63)));
        d.put("ddb.virtualHWVersion", "4");
        d.put("ddb.geometry.cylinders", Long.toString(cylinders));
        d.put("ddb.geometry.heads", "16");
        d.put("ddb.geometry.sectors", "63");
        d.put("ddb.adapterType", "ide");
        d.put("ddb.toolsVersion", "2147483647");
        d.put("ddb.lockstep", "1");
        return d;
    }

    String format() {
        StringBuilder t = new StringBuilder();
        t.append("# Disk DescriptorFile\n");
        t.append("version=1\n");
        t.append(String.format("CID=%08x%n", cid).replace(System.lineSeparator(), "\n"));
        t.append(String.format("parentCID=%08x%n", parentCid).replace(System.lineSeparator(), "\n"));
        t.append("createType=\"").append(createType).append("\"\n");
        if (parentFileNameHint != null) {
            t.append("parentFileNameHint=\"").append(parentFileNameHint).append("\"\n");
        }
        t.append("\n# Extent description\n");
        t.append("RW ").append(extentSectors).append(" SPARSE \"").append(extentFile).append("\"\n");
        t.append("\n# The Disk Data Base\n#DDB\n\n");
        ddb.forEach((k, v) -> t.append(k).append(" = \"").append(v).append("\"\n"));
        return t.toString();
    }

    byte[] encode(long sectors) throws VmdkFormatException {
        byte[] text = format().getBytes(StandardCharsets.US_ASCII);
        if (text.length > sectors * 512) {
            throw new VmdkFormatException("the descriptor (" + text.length + " bytes) does not fit its " + sectors + " sectors");
        }
        byte[] out = new byte[(int) sectors * 512];
        System.arraycopy(text, 0, out, 0, text.length);
        return out;
    }

    /** Parses a descriptor; what is missing or malformed is named with the file. */
    static Descriptor parse(byte[] raw, String file) throws VmdkFormatException {
        int end = 0;
        while (end < raw.length && raw[end] != 0) {
            end++;
        }
        String text = new String(raw, 0, end, StandardCharsets.US_ASCII);
        Integer cid = null;
        int parentCid = NO_PARENT;
        String createType = null;
        String hint = null;
        long extentSectors = -1;
        String extentFile = null;
        Map<String, String> ddb = new LinkedHashMap<>();
        for (String line : text.split("\r?\n")) {
            String l = line.trim();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            if (l.startsWith("RW ") || l.startsWith("RDONLY ") || l.startsWith("NOACCESS ")) {
                String[] f = l.split("\\s+", 4);
                if (f.length < 4 || !f[2].equals("SPARSE")) {
                    throw new VmdkFormatException(file + ": descriptor: expected an extent line \"RW <sectors> SPARSE \\\"file\\\"\", found \"" + l + "\"");
                }
                if (extentFile != null) {
                    throw new VmdkFormatException(file + ": descriptor: more than one extent (only monolithicSparse is supported)");
                }
                try {
                    extentSectors = Long.parseLong(f[1]);
                } catch (NumberFormatException e) {
                    throw new VmdkFormatException(file + ": descriptor: extent size '" + f[1] + "' is not a number");
                }
                extentFile = unquote(f[3].split("\\s+")[0]);
                continue;
            }
            int eq = l.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = l.substring(0, eq).trim();
            String value = unquote(l.substring(eq + 1).trim());
            switch (key) {
                case "CID" -> cid = hex(value, file, "CID");
                case "parentCID" -> parentCid = hex(value, file, "parentCID");
                case "createType" -> createType = value;
                case "parentFileNameHint" -> hint = value;
                default -> {
                    if (key.startsWith("ddb.")) {
                        ddb.put(key, value);
                    }
                }
            }
        }
        if (cid == null) {
            throw new VmdkFormatException(file + ": descriptor: no CID line");
        }
        if (!"monolithicSparse".equals(createType)) {
            throw new VmdkFormatException(file + ": descriptor: createType \"" + createType + "\" is not supported (expected monolithicSparse)");
        }
        if (extentFile == null) {
            throw new VmdkFormatException(file + ": descriptor: no extent line");
        }
        if (parentCid != NO_PARENT && hint == null) {
            throw new VmdkFormatException(file + ": descriptor: a parentCID but no parentFileNameHint");
        }
        return new Descriptor(cid, parentCid, createType, hint, extentSectors, extentFile, ddb);
    }

    private static String unquote(String v) {
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }

    private static int hex(String v, String file, String what) throws VmdkFormatException {
        try {
            return (int) Long.parseLong(v, 16);
        } catch (NumberFormatException e) {
            throw new VmdkFormatException(file + ": descriptor: " + what + " '" + v + "' is not 8 hex digits");
        }
    }
}

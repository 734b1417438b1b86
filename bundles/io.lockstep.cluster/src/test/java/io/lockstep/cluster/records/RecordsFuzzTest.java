package io.lockstep.cluster.records;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.UUID;

import io.lockstep.cluster.ClusterFormatException;
import io.lockstep.cluster.EntityKind;
import io.lockstep.cluster.LockMode;
import io.lockstep.fuzz.Fuzz;
import io.lockstep.fuzz.Fuzz.Documented;
import io.lockstep.fuzz.Mutations;
import io.lockstep.fuzz.Mutations.Encoded;
import io.lockstep.fuzz.Mutations.Field;
import io.lockstep.storage.PrType;
import io.lockstep.storage.Sense;
import io.lockstep.storage.SenseKey;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The on-disk records fuzzed (docs/testing.md#fuzzing): whatever a sector holds, each record's decoder returns or
 * refuses it with a {@link CorruptRecordException} (the superblock: a {@link ClusterFormatException}), and allocates no
 * more than a sector's worth. Damaged sectors are sealed again with {@link SectorCodec#seal} so that they pass the
 * CRC32C and reach the decoder's own checks; both sector sizes a medium may have are tried.
 */
class RecordsFuzzTest {

    static final Documented CORRUPT = Documented.only(CorruptRecordException.class);
    static final Documented FORMAT = Documented.only(ClusterFormatException.class);

    /** One record type: its magic, how to make valid ones, where its length and count fields are, how to decode. */
    record Type(String name, String magic, int version, Documented documented, Decoder decoder) {
    }

    @FunctionalInterface
    interface Decoder {
        Object decode(byte[] sector, int expectedIndex) throws Exception;
    }

    static final List<Type> TYPES = List.of(
            new Type("heartbeat record", HeartbeatRecord.MAGIC, HeartbeatRecord.VERSION, CORRUPT, (s, i) -> HeartbeatRecord.decode(s, 7, i)),
            new Type("lock record", LockRecord.MAGIC, LockRecord.VERSION, CORRUPT, (s, i) -> LockRecord.decode(s, 7, i)),
            new Type("directory entry", DirectoryEntry.MAGIC, DirectoryEntry.VERSION, CORRUPT, (s, i) -> DirectoryEntry.decode(s, 7, i)),
            new Type("extent map sector", ExtentMapSector.MAGIC, ExtentMapSector.VERSION, CORRUPT,
                    (s, i) -> ExtentMapSector.decode(s, 7, i, 0)),
            new Type("free map sector", FreeMapSector.MAGIC, FreeMapSector.VERSION, CORRUPT, (s, i) -> FreeMapSector.decode(s, 7, i)),
            new Type("journal header", JournalHeader.MAGIC, JournalHeader.VERSION, CORRUPT, (s, i) -> JournalHeader.decode(s, 7, i)),
            new Type("notification record", NotificationRecord.MAGIC, NotificationRecord.VERSION, CORRUPT,
                    (s, i) -> NotificationRecord.decode(s, 7)),
            new Type("vdr record", VdrRecord.MAGIC, VdrRecord.VERSION, CORRUPT, (s, i) -> VdrRecord.decode(s, 7, i)),
            new Type("superblock", Superblock.MAGIC, Superblock.VERSION, FORMAT, (s, i) -> Superblock.decode(s, s.length, "the medium")));

    private static long started;

    @BeforeContainer
    static void start() {
        started = System.nanoTime();
    }

    @AfterContainer
    static void report() {
        Fuzz.report("RecordsFuzzTest", System.nanoTime() - started);
    }

    /** A sector as read: its record type's decoder is tried on it, and every other type's too. */
    record Sector(int type, byte[] bytes, int expectedIndex) {
    }

    @Property
    void arbitrarySectorsAreDecodedOrRefused(@ForAll("arbitrary") Sector s) {
        decodeAsEveryType(s);
    }

    @Property
    void damagedRecordsAreDecodedOrRefused(@ForAll("damaged") Sector s) {
        Type t = TYPES.get(s.type);
        Fuzz.check(t.name, s.bytes.length, t.documented, () -> t.decoder.decode(s.bytes, s.expectedIndex));
    }

    @Example
    void everyLengthFieldAtEveryExtremeIsDecodedOrRefused() {
        for (int size : new int[] {512, 4096}) {
            for (int type = 0; type < TYPES.size(); type++) {
                Type t = TYPES.get(type);
                Encoded valid = sample(type, size);
                Mutations.everyFieldAtEveryExtreme(valid, b -> sealed(b, size),
                        sector -> Fuzz.check(t.name, sector.length, t.documented, () -> t.decoder.decode(sector, 3)));
            }
        }
    }

    private static void decodeAsEveryType(Sector s) {
        for (Type t : TYPES) {
            Fuzz.check(t.name, s.bytes.length, t.documented, () -> t.decoder.decode(s.bytes, s.expectedIndex));
        }
    }

    @Provide
    Arbitrary<Sector> arbitrary() {
        Arbitrary<Integer> type = Arbitraries.integers().between(0, TYPES.size() - 1);
        Arbitrary<Integer> size = Arbitraries.of(512, 4096);
        Arbitrary<Boolean> withHeader = Arbitraries.of(true, false);
        return Combinators.combine(type, size, withHeader, Arbitraries.integers().between(0, 3), Arbitraries.longs())
                .as((t, n, header, index, seed) -> {
                    byte[] b = new byte[n];
                    new java.util.Random(seed).nextBytes(b);
                    if (header) { // its magic and version, sealed: the decoder's own checks see random fields
                        ByteBuffer.wrap(b).put(TYPES.get(t).magic.getBytes(StandardCharsets.US_ASCII)).putShort((short) TYPES.get(t).version);
                        b = sealed(b, n);
                    }
                    return new Sector(t, b, index);
                });
    }

    @Provide
    Arbitrary<Sector> damaged() {
        List<Arbitrary<Sector>> each = new ArrayList<>();
        for (int type = 0; type < TYPES.size(); type++) {
            for (int size : new int[] {512, 4096}) {
                int t = type;
                each.add(Mutations.of(valid(type, size), b -> sealed(b, size)).map(b -> new Sector(t, b, 3)));
            }
        }
        return Arbitraries.oneOf(each);
    }

    /** {@code b} made a whole sector again (damage may cut or extend it) and sealed with a matching CRC32C. */
    static byte[] sealed(byte[] b, int size) {
        byte[] sector = java.util.Arrays.copyOf(b, size);
        return SectorCodec.seal(ByteBuffer.wrap(sector));
    }

    static Encoded sample(int type, int size) {
        return switch (type) {
            case 0 -> heartbeat(3, size, "host-1.example", 42, 1);
            case 1 -> lock(3, size, "vm/disk.vmdk", 2, LockMode.SHARED_READ);
            case 2 -> directory(3, size, "vm/disk.vmdk", 33);
            case 3 -> extentMap(3, size, 5);
            case 4 -> freeMap(3, size, 100);
            case 5 -> journal(3, size, 3);
            case 6 -> notification(size);
            case 7 -> vdr(3, size, List.of("iqn.2026-01.io.lockstep:vm-a", "iqn.2026-01.io.lockstep:vm-b"));
            default -> superblock(size, "datastore");
        };
    }

    /** Valid records of {@code type}: a few shapes each (names of any length that fits, counts from none to full). */
    static Arbitrary<Encoded> valid(int type, int size) {
        Arbitrary<String> name = Arbitraries.strings().alpha().ofMaxLength(60);
        Arbitrary<Integer> count = Arbitraries.integers().between(0, 40);
        return switch (type) {
            case 0 -> Combinators.combine(name, Arbitraries.longs(), Arbitraries.integers().between(-1, 63))
                    .as((n, gen, fencer) -> heartbeat(3, size, n, gen, fencer));
            case 1 -> Combinators.combine(name, Arbitraries.integers().between(0, LockRecord.maxOwners(size)), Arbitraries.of(LockMode.values()))
                    .as((n, owners, mode) -> lock(3, size, n, owners, mode));
            case 2 -> Combinators.combine(name, count).as((n, c) -> directory(3, size, n, c));
            case 3 -> count.map(c -> extentMap(3, size, Math.min(c, ExtentMapSector.perSector(size))));
            case 4 -> Arbitraries.integers().between(0, 3000).map(bits -> freeMap(3, size, bits));
            case 5 -> count.map(c -> journal(3, size, Math.min(c, JournalHeader.maxEntries(size))));
            case 6 -> Arbitraries.just(notification(size));
            case 7 -> Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(56).list().ofMaxSize(VdrRecord.MAX_INITIATORS).uniqueElements()
                    .map(initiators -> vdr(3, size, initiators));
            default -> name.map(n -> superblock(size, n));
        };
    }

    static Encoded heartbeat(int slot, int size, String name, long generation, int fencer) {
        String host = name.length() > 30 ? name.substring(0, 30) : name;
        HeartbeatRecord r = new HeartbeatRecord(slot, HeartbeatRecord.State.LIVE, generation, 9, UUID.randomUUID(), host, 1, fencer);
        return new Encoded(r.encode(size), List.of(Field.be("state", 6, 2), Field.be("slot", 8, 4), Field.be("fenced by", 12, 4),
                Field.be("host name length", 56, 2)));
    }

    static Encoded lock(int index, int size, String entity, int owners, LockMode mode) {
        List<LockRecord.Owner> o = new ArrayList<>();
        for (int i = 0; i < (mode == LockMode.FREE ? 0 : Math.max(1, owners)); i++) {
            o.add(new LockRecord.Owner(i, 5, 6, 7));
        }
        LockRecord r = new LockRecord(index, EntityKind.FILE, mode, 11, entity, o);
        return new Encoded(r.encode(size), List.of(Field.be("entity kind", 6, 1), Field.be("mode", 7, 1), Field.be("index", 8, 4),
                Field.be("owner count", 12, 2), Field.be("entity name length", 24, 2)));
    }

    static Encoded directory(int index, int size, String name, int extents) {
        List<Extent> all = new ArrayList<>();
        for (int i = 0; i < extents; i++) {
            all.add(new Extent(10L * i, 3));
        }
        DirectoryEntry e = new DirectoryEntry(index, true, EntityKind.FILE, name, 12345, 1, 2, 0, 0, DirectoryEntry.NO_MAP, List.of())
                .withExtents(all, extents > DirectoryEntry.INLINE ? 99 : DirectoryEntry.NO_MAP, 3);
        return new Encoded(e.encode(size), List.of(Field.be("entity kind", 7, 1), Field.be("index", 8, 4), Field.be("extent count", 12, 4),
                Field.be("size", 16, 8), Field.be("blocks", 40, 8), Field.be("extent map block", 48, 8), Field.be("name length", 56, 2),
                Field.be("first extent start", 258, 4), Field.be("first extent blocks", 262, 4)));
    }

    static Encoded extentMap(int entry, int size, int extents) {
        List<Extent> all = new ArrayList<>();
        for (int i = 0; i < extents; i++) {
            all.add(new Extent(7L * i, 2));
        }
        return new Encoded(new ExtentMapSector(entry, 0, all).encode(size), List.of(Field.be("extent count", 6, 2), Field.be("entry", 8, 4),
                Field.be("sector index", 12, 4), Field.be("first extent start", 16, 4), Field.be("first extent blocks", 20, 4)));
    }

    static Encoded freeMap(int index, int size, int bits) {
        BitSet used = new BitSet();
        for (int i = 0; i < Math.min(bits, (size - 20) * 8); i += 3) {
            used.set(i);
        }
        return new Encoded(new FreeMapSector(index, used).encode(size), List.of(Field.be("sector index", 8, 4)));
    }

    static Encoded journal(int slot, int size, int entries) {
        List<JournalHeader.Entry> e = new ArrayList<>();
        for (int i = 0; i < entries; i++) {
            e.add(new JournalHeader.Entry(100 + i, i));
        }
        return new Encoded(new JournalHeader(slot, true, 4, 5, e).encode(size), List.of(Field.be("state", 6, 2), Field.be("slot", 8, 4),
                Field.be("entry count", 12, 4)));
    }

    static Encoded notification(int size) {
        NotificationRecord r = NotificationRecord.empty().changed(SharedTable.DIRECTORY, 2, 0b1010).changed(SharedTable.VDR, 1, 1);
        return new Encoded(r.encode(size), List.of(Field.be("table count", 6, 2), Field.be("table", 16, 2), Field.be("changed by", 18, 2)));
    }

    static Encoded vdr(int index, int size, List<String> initiators) {
        VdrRecord r = VdrRecord.empty(index);
        int slot = 0;
        for (String i : initiators) {
            try {
                VdrRecord.Draft d = r.draft(i, slot++);
                d.state.registrations.put(i, 0x1234L + slot);
                d.state.addUnitAttention(i, Sense.of(SenseKey.UNIT_ATTENTION, 0x2A, 0x03));
                if (d.state.holder == null) {
                    d.state.holder = i;
                    d.state.type = PrType.of(1);
                }
                r = d.done();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        List<Field> fields = new ArrayList<>(List.of(Field.be("initiator count", 6, 1), Field.be("pr type", 7, 1), Field.be("index", 8, 4),
                Field.be("pr holder", 40, 1), Field.be("scsi-2 holder", 41, 1)));
        if (!initiators.isEmpty()) {
            int len = initiators.get(0).getBytes(StandardCharsets.UTF_8).length;
            fields.add(Field.be("initiator name length", 44, 1));
            fields.add(Field.be("host slot", 45 + len, 1));
            fields.add(Field.be("unit attention count", 45 + len + 10, 1));
            fields.add(Field.be("unit attention sense key", 45 + len + 11, 1));
        }
        return new Encoded(r.encode(size), fields);
    }

    static Encoded superblock(int size, String label) {
        String l = label.length() > 60 ? label.substring(0, 60) : label;
        Superblock s = Superblock.layout(size, Duration.ofSeconds(10), 8, 4, 64, 32, l).withFileSystem(1L << 22, 1 << 20);
        return new Encoded(s.encode(), List.of(Field.be("sector size", 8, 4), Field.be("io timeout", 36, 4), Field.be("slots", 40, 4),
                Field.be("journal sectors", 52, 4), Field.be("locks", 64, 4), Field.be("label length", 96, 2), Field.be("entries", 170, 4),
                Field.be("block sectors", 182, 4), Field.be("free map sectors", 194, 4), Field.be("blocks", 206, 8)));
    }
}

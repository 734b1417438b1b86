package io.lockstep.storage;

/**
 * COMPARE AND WRITE found data other than expected (CHECK CONDITION, MISCOMPARE, 1D/00) and wrote nothing.
 * {@link #offset()} is the offset of the first differing byte, as in the sense INFORMATION field.
 */
public class MiscompareException extends CheckConditionException {

    private static final long serialVersionUID = 1L;

    public MiscompareException(String command, long offset) {
        super(command, Sense.MISCOMPARE_DURING_VERIFY.withInformation(offset),
                "the medium holds other data than expected, first difference at byte " + offset + "; nothing written");
    }

    public long offset() {
        return sense().information();
    }
}

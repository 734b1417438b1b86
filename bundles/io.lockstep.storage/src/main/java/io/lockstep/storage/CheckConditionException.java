package io.lockstep.storage;

/** CHECK CONDITION with sense data: an illegal request, a unit attention, a medium error … */
public class CheckConditionException extends ScsiException {

    private static final long serialVersionUID = 1L;

    public CheckConditionException(String command, Sense sense, String detail) {
        super(command, ScsiStatus.CHECK_CONDITION, sense, detail);
    }
}

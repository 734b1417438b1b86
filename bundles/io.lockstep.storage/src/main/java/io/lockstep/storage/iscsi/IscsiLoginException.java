package io.lockstep.storage.iscsi;

import java.io.IOException;
import java.util.Map;

/** The target refused the login (RFC 7143 §11.13.5): its status class and detail, spelled out for an operator. */
public class IscsiLoginException extends IOException {

    private static final long serialVersionUID = 1L;
    private final int statusClass;
    private final int detail;

    public IscsiLoginException(String where, int statusClass, int detail, Map<String, String> said) {
        super(String.format("iSCSI login to %s refused: status %02x/%02x, %s%s", where, statusClass, detail, explain(statusClass, detail),
                said.containsKey("TargetAddress") ? " (the target points to " + said.get("TargetAddress") + ")" : ""));
        this.statusClass = statusClass;
        this.detail = detail;
    }

    public int statusClass() {
        return statusClass;
    }

    public int detail() {
        return detail;
    }

    static String explain(int statusClass, int detail) {
        return switch (statusClass) {
            case 1 -> "the target moved (redirection)";
            case 2 -> switch (detail) {
                case 0x01 -> "authentication failed";
                case 0x02 -> "this initiator is not allowed to log in to this target (check the target's ACL for this initiator name)";
                case 0x03 -> "no such target for this initiator (check the target name, and the target's ACL for this initiator name: tgt, for one, "
                        + "hides a target from initiators it does not allow)";
                case 0x04 -> "the target was removed";
                case 0x05 -> "unsupported iSCSI version";
                case 0x06 -> "too many connections";
                case 0x07 -> "missing parameter";
                case 0x08 -> "cannot include the connection in the session";
                case 0x09 -> "session type not supported";
                case 0x0a -> "session does not exist";
                case 0x0b -> "invalid request during login";
                default -> "initiator error";
            };
            case 3 -> switch (detail) {
                case 0x01 -> "the target cannot serve now (service unavailable)";
                case 0x02 -> "the target is out of resources";
                default -> "target error";
            };
            default -> "unknown status class";
        };
    }
}

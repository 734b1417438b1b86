package io.lockstep.vm;

import java.io.IOException;

/**
 * An input log that cannot be replayed: not one, another version, a damaged record (CRC32C), a length larger than what
 * remains of the file, or a record whose content does not decode. The message names the file, the record, what was
 * expected and what was found. (A last record cut short where the recorder stopped is the log's end, not an error.)
 */
public class InputLogFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public InputLogFormatException(String message) {
        super(message);
    }
}

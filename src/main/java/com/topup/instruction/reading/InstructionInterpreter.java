package com.topup.instruction.reading;

/**
 * Reads a plain-language top-up instruction ("给13800138000充100元") into proposals and problems. An interpreter only
 * reads: whether a number is a mobile one of a supported carrier, and whether its amount is offered, is checked
 * afterwards, the same way for every interpreter.
 */
public interface InstructionInterpreter {

    /** @param text a non-empty text of at most a few thousand characters, without control characters */
    Reading read(String text);
}

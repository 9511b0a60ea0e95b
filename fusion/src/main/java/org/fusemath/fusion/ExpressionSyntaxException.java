package org.fusemath.fusion;

import org.fusemath.api.InvalidArgumentException;

/** An expression text that does not parse, or names something unknown: the message gives the position and a caret. */
public class ExpressionSyntaxException extends InvalidArgumentException {
    private static final long serialVersionUID = 1L;
    private final int position;

    /** {@code problem} at 0-based character {@code position} of {@code text}. */
    public ExpressionSyntaxException(String text, int position, String problem) {
        super("--expr", problem + " at position " + position + "\n  " + clip(text) + "\n  " + " ".repeat(Math.max(0,
                Math.min(position, 200))) + "^");
        this.position = position;
    }

    private static String clip(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }

    /** The 0-based character position of the problem. */
    public int position() {
        return position;
    }
}

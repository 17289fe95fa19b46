package org.driverhost.lua.internal.compat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * Rewrites Lua 5.1 source that uses {@code goto} as a name, which LuaJ 3.0.1 rejects because Lua 5.2
 * made it a keyword.
 *
 * <p>A {@code goto} followed by a name that is not a keyword stays a {@code goto} statement, as LuaJIT 2.x
 * also reads it. Every other {@code goto} is a name in Lua 5.1 and is rewritten by its place:
 * <ul>
 * <li>{@code t.goto} becomes {@code t["goto"]}, and a table field {@code {goto = 1}} becomes
 * {@code {["goto"] = 1}}, so the table key stays the string {@code "goto"};</li>
 * <li>a local or global variable {@code goto} becomes {@value #RENAMED}.</li>
 * </ul>
 * NOTE: a renamed global is stored under {@value #RENAMED}, so {@code _G["goto"]} does not see it, and
 * a method call {@code obj:goto()} still fails to compile.
 */
final class GotoNameRewriter {

    static final String RENAMED = "goto_lua51";

    private static final Set<String> KEYWORDS = Set.of("and", "break", "do", "else", "elseif", "end", "false",
            "for", "function", "goto", "if", "in", "local", "nil", "not", "or", "repeat", "return", "then", "true",
            "until", "while");

    private final String source;
    private final StringBuilder out = new StringBuilder();
    private final Deque<Character> brackets = new ArrayDeque<>();
    private int position;
    /** Text of the last token copied, to look one token back. */
    private String previousToken = "";
    private boolean changed;

    private GotoNameRewriter(String source) {
        this.source = source;
    }

    /** Returns the source with {@code goto} names rewritten, or the same array when nothing needs it. */
    static byte[] rewrite(byte[] source) {
        String text = new String(source, StandardCharsets.ISO_8859_1);
        if (!text.contains("goto")) {
            return source;
        }
        GotoNameRewriter rewriter = new GotoNameRewriter(text);
        rewriter.run();
        return rewriter.changed ? rewriter.out.toString().getBytes(StandardCharsets.ISO_8859_1) : source;
    }

    private void run() {
        while (position < source.length()) {
            int start = position;
            char c = source.charAt(position);
            if (Character.isWhitespace(c)) {
                position++;
                out.append(c);
            } else if (source.startsWith("--", position)) {
                skipComment();
                out.append(source, start, position);
            } else if (c == '"' || c == '\'') {
                skipQuotedString(c);
                token(start);
            } else if (c == '[' && longBracketLevel(position) >= 0) {
                skipLongBracket(longBracketLevel(position));
                token(start);
            } else if (Character.isLetter(c) || c == '_') {
                readName(start);
            } else if (Character.isDigit(c) || (c == '.' && position + 1 < source.length()
                    && Character.isDigit(source.charAt(position + 1)))) {
                skipNumber();
                token(start);
            } else {
                position++;
                trackBrackets(c);
                token(start);
            }
        }
    }

    private void readName(int start) {
        while (position < source.length()
                && (Character.isLetterOrDigit(source.charAt(position)) || source.charAt(position) == '_')) {
            position++;
        }
        String name = source.substring(start, position);
        if (!name.equals("goto") || nextTokenIsName()) {
            token(start);
            return;
        }

        changed = true;
        if (previousToken.equals(".") && !followsConcatOperator()) {
            // Drop the dot that was already copied and index with the string key instead.
            out.setLength(out.lastIndexOf("."));
            out.append("[\"goto\"]");
        } else if (isTableFieldKey()) {
            out.append("[\"goto\"]");
        } else {
            out.append(RENAMED);
        }
        previousToken = "name";
    }

    /** Returns true when the dot just copied is the second dot of {@code ..}, not a field access. */
    private boolean followsConcatOperator() {
        int dot = out.lastIndexOf(".");
        return dot > 0 && out.charAt(dot - 1) == '.';
    }

    private boolean isTableFieldKey() {
        boolean inConstructor = !brackets.isEmpty() && brackets.peek() == '{';
        boolean fieldStart = previousToken.equals("{") || previousToken.equals(",") || previousToken.equals(";");
        int next = skipSpaceAndComments(position);
        boolean assignment = next < source.length() && source.charAt(next) == '='
                && !source.startsWith("==", next);
        return inConstructor && fieldStart && assignment;
    }

    private boolean nextTokenIsName() {
        int next = skipSpaceAndComments(position);
        int end = next;
        while (end < source.length() && (Character.isLetterOrDigit(source.charAt(end)) || source.charAt(end) == '_')) {
            end++;
        }
        if (end == next || Character.isDigit(source.charAt(next))) {
            return false;
        }
        return !KEYWORDS.contains(source.substring(next, end));
    }

    private int skipSpaceAndComments(int from) {
        int saved = position;
        position = from;
        while (position < source.length()) {
            if (Character.isWhitespace(source.charAt(position))) {
                position++;
            } else if (source.startsWith("--", position)) {
                skipComment();
            } else {
                break;
            }
        }
        int result = position;
        position = saved;
        return result;
    }

    private void token(int start) {
        out.append(source, start, position);
        previousToken = source.substring(start, position);
    }

    private void trackBrackets(char c) {
        switch (c) {
            case '{', '(', '[' -> brackets.push(c);
            case '}', ')', ']' -> {
                if (!brackets.isEmpty()) {
                    brackets.pop();
                }
            }
            default -> {
            }
        }
    }

    private void skipComment() {
        position += 2;
        int level = position < source.length() && source.charAt(position) == '[' ? longBracketLevel(position) : -1;
        if (level >= 0) {
            skipLongBracket(level);
            return;
        }
        while (position < source.length() && source.charAt(position) != '\n') {
            position++;
        }
    }

    private void skipQuotedString(char quote) {
        position++;
        while (position < source.length()) {
            char c = source.charAt(position++);
            if (c == '\\') {
                position++;
            } else if (c == quote || c == '\n') {
                return;
            }
        }
    }

    /** Returns the number of {@code =} in a long bracket opening at {@code at}, or -1 when there is none. */
    private int longBracketLevel(int at) {
        int p = at + 1;
        while (p < source.length() && source.charAt(p) == '=') {
            p++;
        }
        return p < source.length() && source.charAt(p) == '[' ? p - at - 1 : -1;
    }

    private void skipLongBracket(int level) {
        String close = "]" + "=".repeat(level) + "]";
        int end = source.indexOf(close, position + level + 2);
        position = end < 0 ? source.length() : end + close.length();
    }

    private void skipNumber() {
        while (position < source.length()) {
            char c = source.charAt(position);
            boolean exponentSign = (c == '+' || c == '-') && "eEpP".indexOf(source.charAt(position - 1)) >= 0;
            if (Character.isLetterOrDigit(c) || c == '.' || c == '_' || exponentSign) {
                position++;
            } else {
                return;
            }
        }
    }
}

package org.driverhost.tls.internal.openssl;

import java.util.ArrayList;
import java.util.List;

/**
 * Applies an OpenSSL cipher string to {@link OpenSslDefaultOrder}, following OpenSSL 3.0's
 * {@code ssl_create_cipher_list} and {@code ssl_cipher_process_rulestr}. Words are suite names or aliases,
 * joined by {@code +} into an intersection and separated by {@code :}, {@code ,}, {@code ;} or spaces. Without
 * a prefix an item adds the matching suites, {@code -} deletes them, {@code !} kills them for good and
 * {@code +} moves them to the end. {@code @STRENGTH} and {@code @SECLEVEL=n} are commands. An unknown word,
 * or an intersection that is empty, makes OpenSSL skip the rest of that item.
 */
final class CipherStringProcessor {

    /** OpenSSL 3.0's {@code OSSL_default_cipher_list()}, which DEFAULT stands for at the start of a string. */
    static final String OPENSSL_DEFAULT = "ALL:!COMPLEMENTOFDEFAULT:!eNULL";

    /** OpenSSL 3.0's security level when neither the string nor the configuration sets one. */
    static final int DEFAULT_SECURITY_LEVEL = 1;

    /**
     * The outcome of a cipher string.
     *
     * @param suites the selected suites in order, before any security level filter
     * @param securityLevel the last {@code @SECLEVEL} of the string, or {@link #DEFAULT_SECURITY_LEVEL}
     * @param unknownWords the words that are neither a suite name nor an alias, which OpenSSL ignores
     */
    record Result(List<OpenSslSuite> suites, int securityLevel, List<String> unknownWords) {
    }

    private enum Action { ADD, DELETE, KILL, MOVE_TO_END, COMMAND }

    private final CipherOrder order = new CipherOrder(OpenSslDefaultOrder.suites());
    private final List<String> unknownWords = new ArrayList<>();
    private int securityLevel = DEFAULT_SECURITY_LEVEL;
    /** Offset of the rules being applied within the caller's string, for error positions. */
    private int rulesOffset;

    private CipherStringProcessor() {
    }

    /** Applies {@code cipherString} and returns the suites it selects in OpenSSL 3.0's order. */
    static Result process(String cipherString) throws InvalidCipherStringException {
        CipherStringProcessor processor = new CipherStringProcessor();
        String rules = suiteBRules(cipherString);

        // DEFAULT is expanded only as the first word. Anywhere else it is an unknown word.
        if (rules.startsWith("DEFAULT")) {
            processor.apply(OPENSSL_DEFAULT);
            rules = rules.substring("DEFAULT".length());
            if (rules.startsWith(":")) {
                rules = rules.substring(1);
            }
            processor.rulesOffset = cipherString.length() - rules.length();
        }
        processor.apply(rules);

        return new Result(processor.order.selected(), processor.securityLevel, List.copyOf(processor.unknownWords));
    }

    /**
     * Returns the rules a Suite B prefix stands for, because OpenSSL replaces the whole string with them.
     * NOTE: OpenSSL's Suite B modes also restrict curves and signature algorithms, which this class does not.
     */
    private static String suiteBRules(String cipherString) {
        if (cipherString.startsWith("SUITEB128ONLY")) {
            return "ECDHE-ECDSA-AES128-GCM-SHA256";
        }
        if (cipherString.startsWith("SUITEB128C2") || cipherString.startsWith("SUITEB192")) {
            return "ECDHE-ECDSA-AES256-GCM-SHA384";
        }
        if (cipherString.startsWith("SUITEB128")) {
            return "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384";
        }
        return cipherString;
    }

    private void apply(String rules) throws InvalidCipherStringException {
        int position = 0;
        while (position < rules.length()) {
            char first = rules.charAt(position);
            if (isSeparator(first)) {
                position++;
                continue;
            }
            Action action = action(first);
            if (action != Action.ADD) {
                position++;
            }
            position = applyItem(rules, position, action);
        }
    }

    /** Applies the item that starts at {@code position}, after its prefix, and returns where parsing goes on. */
    private int applyItem(String rules, int position, Action action) throws InvalidCipherStringException {
        CipherSelector selector = CipherSelector.alias(0, 0, 0, 0, 0, 0);
        while (true) {
            int end = wordEnd(rules, position);
            if (end == position) {
                throw new InvalidCipherStringException(unexpectedCharacter(rules, position, rulesOffset));
            }
            String word = rules.substring(position, end);
            position = end;

            if (action == Action.COMMAND) {
                runCommand(word);
                return skipToSeparator(rules, position);
            }

            boolean intersection = position < rules.length() && rules.charAt(position) == '+';
            if (intersection) {
                position++;
            }

            CipherSelector wordSelector = lookup(word);
            if (wordSelector == null) {
                unknownWords.add(word);
                return skipToSeparator(rules, position);
            }
            selector = selector.narrow(wordSelector);
            if (selector == null) {
                return skipToSeparator(rules, position);
            }
            if (!intersection) {
                break;
            }
        }

        // OpenSSL goes on right after a matched item, so "AES256-SHA@STRENGTH" is two items.
        apply(action, selector);
        return position;
    }

    private void apply(Action action, CipherSelector selector) {
        switch (action) {
            case ADD -> order.add(selector::matches);
            case DELETE -> order.delete(selector::matches);
            case KILL -> order.kill(selector::matches);
            case MOVE_TO_END -> order.moveToEnd(selector::matches);
            default -> throw new IllegalStateException("not a selection action: " + action);
        }
    }

    private void runCommand(String word) throws InvalidCipherStringException {
        if (word.equals("STRENGTH")) {
            order.sortByStrength();
            return;
        }
        if (word.length() == "SECLEVEL=n".length() && word.startsWith("SECLEVEL=")) {
            int level = word.charAt(word.length() - 1) - '0';
            if (level >= 0 && level <= 5) {
                securityLevel = level;
                return;
            }
        }
        throw new InvalidCipherStringException(
                "unknown command @" + word + " (accepted: @STRENGTH and @SECLEVEL=0 to @SECLEVEL=5)");
    }

    private static CipherSelector lookup(String word) {
        OpenSslSuite suite = OpenSslSuiteTable.byOpenSslName(word);
        if (suite != null) {
            return CipherSelector.suite(suite);
        }
        return CipherAliases.lookup(word);
    }

    private static Action action(char prefix) {
        return switch (prefix) {
            case '-' -> Action.DELETE;
            case '!' -> Action.KILL;
            case '+' -> Action.MOVE_TO_END;
            case '@' -> Action.COMMAND;
            default -> Action.ADD;
        };
    }

    private static boolean isSeparator(char c) {
        return c == ':' || c == ' ' || c == ';' || c == ',';
    }

    private static boolean isWordCharacter(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                || c == '-' || c == '_' || c == '.' || c == '=';
    }

    private static int wordEnd(String rules, int position) {
        int end = position;
        while (end < rules.length() && isWordCharacter(rules.charAt(end))) {
            end++;
        }
        return end;
    }

    private static int skipToSeparator(String rules, int position) {
        int end = position;
        while (end < rules.length() && !isSeparator(rules.charAt(end))) {
            end++;
        }
        return end;
    }

    private static String unexpectedCharacter(String rules, int position, int rulesOffset) {
        if (position == rules.length()) {
            return "a name is missing after '" + rules.charAt(position - 1) + "' at the end";
        }
        return "unexpected character " + describe(rules.charAt(position)) + " at position "
                + (rulesOffset + position + 1) + " (names contain only letters, digits and - _ . =)";
    }

    private static String describe(char c) {
        if (c < 0x20 || c > 0x7E) {
            return String.format("U+%04X", (int) c);
        }
        return "'" + c + "'";
    }
}

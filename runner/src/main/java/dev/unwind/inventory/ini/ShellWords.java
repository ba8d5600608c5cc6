package dev.unwind.inventory.ini;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a line into words like Python's {@code shlex.split(line, comments=True)} in POSIX mode:
 * blanks separate words, quotes group, a backslash escapes, {@code #} ends the line (even inside a
 * word, as shlex does).
 */
final class ShellWords {
    private ShellWords() {
    }

    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                i++;
            } else if (c == '#') {
                break;
            } else if (c == '\'') {
                int close = line.indexOf('\'', i + 1);
                if (close < 0) {
                    throw new IllegalArgumentException("No closing quotation");
                }
                word.append(line, i + 1, close);
                inWord = true;
                i = close + 1;
            } else if (c == '"') {
                i++;
                boolean closed = false;
                while (i < n) {
                    char d = line.charAt(i);
                    if (d == '"') {
                        closed = true;
                        i++;
                        break;
                    }
                    if (d == '\\' && i + 1 < n) {
                        char e = line.charAt(i + 1);
                        if (e == '"' || e == '\\') {
                            word.append(e);
                        } else {
                            word.append('\\').append(e);
                        }
                        i += 2;
                        continue;
                    }
                    if (d == '\\') {
                        throw new IllegalArgumentException("No closing quotation");
                    }
                    word.append(d);
                    i++;
                }
                if (!closed) {
                    throw new IllegalArgumentException("No closing quotation");
                }
                inWord = true;
            } else if (c == '\\') {
                if (i + 1 >= n) {
                    throw new IllegalArgumentException("No escaped character");
                }
                word.append(line.charAt(i + 1));
                inWord = true;
                i += 2;
            } else {
                word.append(c);
                inWord = true;
                i++;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}

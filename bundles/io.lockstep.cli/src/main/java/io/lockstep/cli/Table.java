package io.lockstep.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** A plain text table: a header row, columns padded to their widest cell; plain, or Markdown for docs. */
public final class Table {

    private final List<String[]> rows = new ArrayList<>();
    private final boolean markdown;

    public Table(String... header) {
        this(false, header);
    }

    private Table(boolean markdown, String... header) {
        this.markdown = markdown;
        rows.add(header);
    }

    /** A table printed as Markdown (pipes and a header rule), to paste into docs. */
    public static Table markdown(String... header) {
        return new Table(true, header);
    }

    public Table row(Object... cells) {
        String[] text = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            text[i] = String.valueOf(cells[i]);
        }
        rows.add(text);
        return this;
    }

    public int size() {
        return rows.size() - 1;
    }

    public void print(PrintStream out) {
        int columns = rows.get(0).length;
        int[] width = new int[columns];
        for (String[] r : rows) {
            for (int c = 0; c < columns && c < r.length; c++) {
                width[c] = Math.max(width[c], r[c].length());
            }
        }
        if (markdown) {
            for (int i = 0; i < rows.size(); i++) {
                StringBuilder line = new StringBuilder("|");
                for (int c = 0; c < columns; c++) {
                    line.append(' ').append(String.format("%-" + width[c] + "s", c < rows.get(i).length ? rows.get(i)[c] : "")).append(" |");
                }
                out.println(line);
                if (i == 0) {
                    StringBuilder rule = new StringBuilder("|");
                    for (int c = 0; c < columns; c++) {
                        rule.append('-').append("-".repeat(width[c])).append("-|");
                    }
                    out.println(rule);
                }
            }
            return;
        }
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns && c < r.length; c++) {
                line.append(c == columns - 1 ? r[c] : String.format("%-" + (width[c] + 2) + "s", r[c]));
            }
            out.println(line.toString().stripTrailing());
        }
    }
}

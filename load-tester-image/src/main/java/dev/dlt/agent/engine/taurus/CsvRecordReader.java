package dev.dlt.agent.engine.taurus;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV records one at a time, as JMeter writes them: fields separated by a delimiter, a field in
 * double quotes may hold delimiters, line breaks and doubled quotes. Streams; a record is bounded.
 */
final class CsvRecordReader {

    static final int MAX_RECORD_CHARS = 1024 * 1024;

    private final Reader in;
    private final char delimiter;
    private final char[] buffer = new char[64 * 1024];
    private int position;
    private int limit;
    private long line;

    CsvRecordReader(Reader in, char delimiter, long recordsAlreadyRead) {
        this.in = in;
        this.delimiter = delimiter;
        this.line = recordsAlreadyRead;
    }

    /** The next record's fields, or null at the end of the input. */
    List<String> next() throws IOException {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldWasQuoted = false;
        int length = 0;
        int c = read();
        if (c < 0) {
            return null;
        }
        line++;
        for (; c >= 0; c = read()) {
            if (++length > MAX_RECORD_CHARS) {
                throw new IOException("record " + line + " is longer than " + MAX_RECORD_CHARS + " characters");
            }
            if (quoted) {
                if (c != '"') {
                    field.append((char) c);
                } else if (peek() == '"') {
                    field.append((char) read());
                } else {
                    quoted = false;
                }
            } else if (c == '"' && field.isEmpty() && !fieldWasQuoted) {
                quoted = true;
                fieldWasQuoted = true;
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
                fieldWasQuoted = false;
            } else if (c == '\n') {
                break;
            } else if (c != '\r') {
                field.append((char) c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    private int read() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position++];
    }

    private int peek() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position];
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer);
        if (n <= 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }
}

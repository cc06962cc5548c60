package dev.dlt.results.taurus;

import com.ctc.wstx.stax.WstxInputFactory;
import dev.dlt.results.check.UntrustedText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.codehaus.stax2.XMLInputFactory2;

/**
 * Reads Taurus {@code FinalStatus} XML safely: no DTDs, no external entities, bounded size. Element
 * order does not matter and unknown elements are ignored, as they vary between Taurus versions.
 */
public final class TaurusXmlReader {

    /** Reports bigger than this are refused (a report with thousands of labels is ~10 MiB). */
    public static final long MAX_BYTES = 32L * 1024 * 1024;

    /** Labels per report (plus the overall group); each costs a few kilobytes once read. */
    public static final int MAX_LABELS = 5_000;
    public static final int MAX_LABEL_CHARS = 2_048;
    /** A year: longer is not a load test. */
    public static final double MAX_DURATION_SECONDS = 366 * 86_400.0;

    private static final XMLInputFactory FACTORY = secureFactory();

    private TaurusXmlReader() {
    }

    public static FinalStatus read(Path file) throws IOException, TaurusFormatException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    public static FinalStatus read(byte[] xml) throws TaurusFormatException {
        try {
            return read(new java.io.ByteArrayInputStream(xml));
        } catch (IOException e) {
            throw new TaurusFormatException("cannot read Taurus results: " + e.getMessage(), e);
        }
    }

    public static FinalStatus read(InputStream in) throws IOException, TaurusFormatException {
        XMLStreamReader xml = null;
        try {
            xml = FACTORY.createXMLStreamReader(new BoundedInputStream(in, MAX_BYTES));
            return readDocument(xml);
        } catch (XMLStreamException e) {
            if (e.getNestedException() instanceof IOException io) {
                throw io;
            }
            throw new TaurusFormatException("not a well-formed Taurus results XML: " + e.getMessage(), e);
        } catch (BoundedInputStream.LimitExceeded e) {
            throw new TaurusFormatException("Taurus results XML is bigger than " + MAX_BYTES + " bytes", e);
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // nothing left to release
                }
            }
        }
    }

    private static FinalStatus readDocument(XMLStreamReader xml) throws XMLStreamException, TaurusFormatException {
        boolean rootSeen = false;
        double duration = Double.NaN;
        Map<String, GroupStats> groups = new LinkedHashMap<>();
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.DTD) {
                throw new TaurusFormatException("Taurus results XML must not contain a DTD");
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String name = xml.getLocalName();
            if (!rootSeen) {
                if (!"FinalStatus".equals(name)) {
                    throw new TaurusFormatException("root element is <" + name + ">, expected <FinalStatus>");
                }
                rootSeen = true;
            } else if ("TestDuration".equals(name)) {
                duration = parseDouble("TestDuration", xml.getElementText());
                if (!(duration >= 0 && duration <= MAX_DURATION_SECONDS)) {
                    throw new TaurusFormatException("<TestDuration> is " + duration + ", expected seconds from 0 to " + MAX_DURATION_SECONDS);
                }
            } else if ("Group".equals(name)) {
                String label = xml.getAttributeValue(null, "label");
                label = label == null ? FinalStatus.OVERALL : label;
                if (label.length() > MAX_LABEL_CHARS) {
                    throw new TaurusFormatException("a label has " + label.length() + " characters, at most " + MAX_LABEL_CHARS);
                }
                if (groups.size() > MAX_LABELS && !groups.containsKey(label)) {
                    throw new TaurusFormatException("more than " + MAX_LABELS + " labels");
                }
                if (groups.containsKey(label)) {
                    throw new TaurusFormatException("label '" + UntrustedText.shorten(label) + "' appears twice");
                }
                groups.put(label, GroupReader.read(xml));
            } else {
                skipElement(xml);
            }
        }
        if (!rootSeen) {
            throw new TaurusFormatException("empty document, expected <FinalStatus>");
        }
        return new FinalStatus(duration, groups);
    }

    static void skipElement(XMLStreamReader xml) throws XMLStreamException, TaurusFormatException {
        int depth = 1;
        while (depth > 0 && xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.DTD) {
                throw new TaurusFormatException("Taurus results XML must not contain a DTD");
            }
        }
    }

    static double parseDouble(String what, String text) throws TaurusFormatException {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException | NullPointerException e) {
            throw new TaurusFormatException("<" + what + "> has value '" + UntrustedText.shorten(text) + "', expected a number");
        }
    }

    private static XMLInputFactory secureFactory() {
        // Woodstox, named rather than looked up, so that the parser and its settings do not depend on the classpath
        XMLInputFactory factory = new WstxInputFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        // with no DTD only the predefined entities exist: replacing makes any other reference an error, not a silent gap
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        // every parse error then comes from next() as an XMLStreamException, not later as an unchecked WstxLazyException
        factory.setProperty(XMLInputFactory2.P_LAZY_PARSING, false);
        return factory;
    }
}

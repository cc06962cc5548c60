package dev.dlt.results.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Checks that a JMeter plan is a well-formed XML document with root {@code <jmeterTestPlan>}: the
 * operator before it launches anything, the worker before it reports ready. Parsed without DTDs or
 * external entities: a plan comes from the user.
 */
public final class JmeterPlanCheck {

    public static final String ROOT = "jmeterTestPlan";

    private JmeterPlanCheck() {
    }

    /** Throws an IOException that names the plan ({@code what}) and says what is wrong with it. */
    public static void check(Path jmx, String what) throws IOException {
        try (InputStream in = Files.newInputStream(jmx)) {
            check(in, what);
        }
    }

    /** Same as {@link #check(Path, String)}, for a plan in memory or in an archive. */
    public static void check(InputStream in, String what) throws IOException {
        XMLStreamReader xml = null;
        try {
            xml = factory().createXMLStreamReader(in);
            boolean rootSeen = false;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new IOException(what + " must not contain a DOCTYPE declaration");
                }
                if (event == XMLStreamConstants.START_ELEMENT && !rootSeen) {
                    rootSeen = true;
                    if (!ROOT.equals(xml.getLocalName())) {
                        throw new IOException(what + " is not a JMeter plan: its root element is <" + xml.getLocalName()
                                + ">, expected <" + ROOT + ">");
                    }
                }
            }
            if (!rootSeen) {
                throw new IOException(what + " is not a JMeter plan: it has no XML element");
            }
        } catch (XMLStreamException e) {
            throw new IOException(what + " is not well-formed XML: " + oneLine(e.getMessage()), e);
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // the stream itself is closed by try-with-resources
                }
            }
        }
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        return factory;
    }

    private static String oneLine(String message) {
        return message == null ? "unknown error" : message.replaceAll("\\s*\\R\\s*", " ");
    }
}

package dev.dlt.results.taurus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

class TaurusXmlReaderTest {

    static Stream<String> realFiles() {
        return Stream.of(
                "distributed-load-testing-on-aws__pr14__bzt-result.xml",
                "jenkinsci-performance-plugin__TaurusPreviousBuildReport.xml",
                "jenkinsci-performance-plugin__TaurusXMLReport.xml",
                "jenkinsci-performance-plugin__TaurusXmlWithDuration.xml",
                "viveknalubandu-pipeline-project-1__aggregate-results-3.xml");
    }

    /** Every statistic of every group equals what an independent DOM read of the same file finds. */
    @ParameterizedTest
    @MethodSource("realFiles")
    void readsEveryValueOfRealTaurusFiles(String file) throws Exception {
        FinalStatus status = TaurusXmlReader.read(resource(file));
        Document dom = dom(file);
        List<Element> groups = children(dom.getDocumentElement(), "Group");
        assertThat(status.groups()).hasSize(groups.size());
        for (Element group : groups) {
            GroupStats stats = status.groups().get(group.getAttribute("label"));
            assertThat(stats).as("group '%s' in %s", group.getAttribute("label"), file).isNotNull();
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (Element stat : children(group, null)) {
                if (!seen.add(stat.getTagName() + "/" + stat.getAttribute("param"))) {
                    continue; // a repeated statistic keeps its first value
                }
                String value = stat.getAttribute("value");
                String param = stat.getAttribute("param");
                switch (stat.getTagName()) {
                    case "throughput" -> assertThat(stats.throughput()).isEqualTo(Long.parseLong(value));
                    case "concurrency" -> assertThat(stats.concurrency()).isEqualTo(Long.parseLong(value));
                    case "succ" -> assertThat(stats.succ()).isEqualTo(Long.parseLong(value));
                    case "fail" -> assertThat(stats.fail()).isEqualTo(Long.parseLong(value));
                    case "bytes" -> assertThat(stats.bytes()).isEqualTo(Long.parseLong(value));
                    case "avg_rt" -> assertThat(stats.avgRt()).isEqualTo(Double.parseDouble(value));
                    case "stdev_rt" -> assertThat(stats.stdevRt()).isEqualTo(Double.parseDouble(value));
                    case "avg_lt" -> assertThat(stats.avgLt()).isEqualTo(Double.parseDouble(value));
                    case "avg_ct" -> assertThat(stats.avgCt()).isEqualTo(Double.parseDouble(value));
                    case "rc" -> assertThat(stats.responseCodes()).containsEntry(param, Long.parseLong(value));
                    case "perc" -> assertThat(stats.percentiles()).containsEntry(Double.parseDouble(param), Double.parseDouble(value));
                    default -> throw new AssertionError("unexpected element " + stat.getTagName());
                }
            }
        }
    }

    @Test
    void dltReportSpotValues() throws Exception {
        FinalStatus status = TaurusXmlReader.read(resource("distributed-load-testing-on-aws__pr14__bzt-result.xml"));
        assertThat(status.testDurationSeconds()).isEqualTo(105.0);
        GroupStats overall = status.overall().orElseThrow();
        assertThat(overall.throughput()).isEqualTo(809);
        assertThat(overall.avgCt()).isEqualTo(0.17474);
        assertThat(overall.responseCodes()).containsExactly(java.util.Map.entry("200", 809L));
        assertThat(overall.percentiles()).containsEntry(0.0, 0.181).containsEntry(99.9, 0.518).containsEntry(100.0, 0.518);
        assertThat(status.labels()).containsOnlyKeys("https://paul-api.tallyup.com/health");
    }

    @Test
    void exceptionNamesAsResponseCodesAndMissingDuration() throws Exception {
        FinalStatus status = TaurusXmlReader.read(resource("jenkinsci-performance-plugin__TaurusPreviousBuildReport.xml"));
        assertThat(status.testDurationSeconds()).isNaN();
        GroupStats url2 = status.groups().get("http://test_url2.com/");
        assertThat(url2.responseCodes()).containsEntry("ConnectException", 2L).containsEntry("503", 3L).containsEntry("200", 216L);
        assertThat(url2.fail()).isEqualTo(5);
        // this file repeats perc/95.0 in the overall group; the first one is kept
        assertThat(status.overall().orElseThrow().percentile(95.0)).isEqualTo(3.617);
    }

    @Test
    void elementOrderDoesNotMatter() throws Exception {
        FinalStatus status = TaurusXmlReader.read(resource("jenkinsci-performance-plugin__TaurusXmlWithDuration.xml"));
        assertThat(status.testDurationSeconds()).isEqualTo(3.141592, within(1e-9));
        GroupStats overall = status.overall().orElseThrow();
        assertThat(overall.throughput()).isEqualTo(59314);
        assertThat(overall.responseCodes()).containsEntry("304", 29656L).containsEntry("403", 29656L).containsEntry("200", 2L);
        assertThat(overall.percentile(100.0)).isEqualTo(0.081);
    }

    @Test
    void readsTextValueWhenAttributeIsMissing() throws Exception {
        String xml = "<FinalStatus><TestDuration>2.5</TestDuration><Group label=\"a\"><throughput><name>throughput</name>"
                + "<value>12</value></throughput><new_metric value=\"1\"><deep><x/></deep></new_metric>"
                + "<perc param=\"95.0\"><value>0.5</value></perc></Group></FinalStatus>";
        FinalStatus status = TaurusXmlReader.read(xml.getBytes(StandardCharsets.UTF_8));
        assertThat(status.groups().get("a").throughput()).isEqualTo(12);
        assertThat(status.groups().get("a").percentile(95.0)).isEqualTo(0.5);
        assertThat(status.overall()).isEmpty();
    }

    @Test
    void refusesDtdsAndExternalEntities() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<FinalStatus><Group label=\"&x;\"/></FinalStatus>";
        assertThatThrownBy(() -> TaurusXmlReader.read(xxe.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(TaurusFormatException.class).hasMessageContaining("DTD");
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]>"
                + "<FinalStatus><TestDuration>&b;</TestDuration></FinalStatus>";
        assertThatThrownBy(() -> TaurusXmlReader.read(laughs.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(TaurusFormatException.class);
    }

    /** Nothing in a report makes the parser fetch a URL: external DTD subsets and parameter entities are refused unread. */
    @Test
    void refusesExternalDtdsWithoutFetchingThem() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger fetched = new AtomicInteger();
        server.createContext("/", exchange -> {
            fetched.incrementAndGet();
            byte[] body = "<!ENTITY x \"fetched\">".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/x.dtd";
            for (String xml : new String[] {
                    "<?xml version=\"1.0\"?><!DOCTYPE FinalStatus SYSTEM \"" + url + "\"><FinalStatus><TestDuration>&x;</TestDuration></FinalStatus>",
                    "<!DOCTYPE FinalStatus [<!ENTITY % p SYSTEM \"" + url + "\"> %p;]><FinalStatus><TestDuration>&x;</TestDuration></FinalStatus>",
                    "<!DOCTYPE FinalStatus [<!ENTITY x SYSTEM \"" + url + "\">]><FinalStatus><TestDuration>&x;</TestDuration></FinalStatus>"}) {
                assertThatThrownBy(() -> TaurusXmlReader.read(xml.getBytes(StandardCharsets.UTF_8))).as(xml)
                        .isInstanceOf(TaurusFormatException.class).hasMessageContaining("DTD");
            }
        } finally {
            server.stop(0);
        }
        assertThat(fetched).hasValue(0);
    }

    /** Ten levels of ten references (10^10 "lol"s if expanded) are refused at the DTD, before any entity exists. */
    @Test
    void refusesBillionLaughs() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE FinalStatus [<!ENTITY lol0 \"lol\">");
        for (int level = 1; level <= 10; level++) {
            xml.append("<!ENTITY lol").append(level).append(" \"").append(("&lol" + (level - 1) + ";").repeat(10)).append("\">");
        }
        xml.append("]><FinalStatus><Group label=\"&lol10;\"><throughput value=\"1\"/></Group></FinalStatus>");
        assertThatThrownBy(() -> TaurusXmlReader.read(xml.toString().getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(TaurusFormatException.class).hasMessageContaining("DTD");
    }

    /** Without a DTD no entity is declared: a reference to one is an error, never silently dropped from a value or label. */
    @Test
    void refusesUndeclaredEntitiesAndKeepsPredefinedOnes() throws Exception {
        for (String xml : new String[] {
                "<FinalStatus><Group label=\"a\"><throughput>1&x;2</throughput></Group></FinalStatus>",
                "<FinalStatus><Group label=\"a&x;\"><throughput value=\"3\"/></Group></FinalStatus>",
                "<FinalStatus><TestDuration>&x;1</TestDuration></FinalStatus>"}) {
            assertThatThrownBy(() -> TaurusXmlReader.read(xml.getBytes(StandardCharsets.UTF_8))).as(xml)
                    .isInstanceOf(TaurusFormatException.class).hasMessageContaining("well-formed").hasMessageContaining("\"x\"");
        }
        String predefined = "<FinalStatus><Group label=\"a&amp;b&#x21;\"><throughput>1&#50;<![CDATA[3]]></throughput></Group></FinalStatus>";
        assertThat(TaurusXmlReader.read(predefined.getBytes(StandardCharsets.UTF_8)).groups().get("a&b!").throughput()).isEqualTo(123);
    }

    @Test
    void refusesWhatIsNotAReport() {
        assertThatThrownBy(() -> TaurusXmlReader.read("not xml at all".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(TaurusFormatException.class).hasMessageContaining("well-formed");
        assertThatThrownBy(() -> TaurusXmlReader.read("<html><body/></html>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(TaurusFormatException.class).hasMessageContaining("<FinalStatus>");
        assertThatThrownBy(() -> TaurusXmlReader.read(
                "<FinalStatus><Group label=\"\"><throughput value=\"lots\"/></Group></FinalStatus>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(TaurusFormatException.class).hasMessageContaining("throughput");
    }

    @Test
    void refusesCountsThatAreNotCounts() throws Exception {
        for (String bad : new String[] {"1e30", "NaN", "-1", "12.5", "Infinity", "9223372036854775807", "1125899906842625"}) {
            String xml = "<FinalStatus><Group label=\"a\"><throughput value=\"" + bad + "\"/></Group></FinalStatus>";
            assertThatThrownBy(() -> TaurusXmlReader.read(xml.getBytes(StandardCharsets.UTF_8))).as(bad)
                    .isInstanceOf(TaurusFormatException.class).hasMessageContaining("<throughput> has value '" + bad + "', expected a count");
        }
        String integral = "<FinalStatus><Group label=\"a\"><throughput value=\"12.0\"/><succ value=\"1125899906842624\"/></Group></FinalStatus>";
        assertThat(TaurusXmlReader.read(integral.getBytes(StandardCharsets.UTF_8)).groups().get("a").throughput()).isEqualTo(12);
    }

    @Test
    void refusesTimesThatAreNotTimes() {
        for (String bad : new String[] {"NaN", "-0.5", "1e30", "Infinity"}) {
            String xml = "<FinalStatus><Group label=\"a\"><avg_rt value=\"" + bad + "\"/></Group></FinalStatus>";
            assertThatThrownBy(() -> TaurusXmlReader.read(xml.getBytes(StandardCharsets.UTF_8))).as(bad)
                    .isInstanceOf(TaurusFormatException.class).hasMessageContaining("<avg_rt> has value '" + bad + "'");
        }
        String duration = "<FinalStatus><TestDuration>NaN</TestDuration></FinalStatus>";
        assertThatThrownBy(() -> TaurusXmlReader.read(duration.getBytes(StandardCharsets.UTF_8))).hasMessageContaining("TestDuration");
    }

    @Test
    void refusesTooManyOrRepeatedLabels() {
        StringBuilder many = new StringBuilder("<FinalStatus>");
        for (int i = 0; i <= TaurusXmlReader.MAX_LABELS + 1; i++) {
            many.append("<Group label=\"l").append(i).append("\"/>");
        }
        assertThatThrownBy(() -> TaurusXmlReader.read(many.append("</FinalStatus>").toString().getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("more than " + TaurusXmlReader.MAX_LABELS + " labels");
        String twice = "<FinalStatus><Group label=\"a\"/><Group label=\"a\"/></FinalStatus>";
        assertThatThrownBy(() -> TaurusXmlReader.read(twice.getBytes(StandardCharsets.UTF_8))).hasMessageContaining("'a' appears twice");
    }

    @Test
    void refusesTruncatedDocuments() throws Exception {
        byte[] whole = resource("jenkinsci-performance-plugin__TaurusXMLReport.xml").readAllBytes();
        assertThatThrownBy(() -> TaurusXmlReader.read(java.util.Arrays.copyOf(whole, whole.length / 2)))
                .isInstanceOf(TaurusFormatException.class).hasMessageContaining("well-formed");
    }

    @Test
    void refusesOversizedInput() {
        InputStream endless = new InputStream() {
            private final byte[] head = "<FinalStatus><ReportURL>".getBytes(StandardCharsets.UTF_8);
            private long position;

            @Override
            public int read() {
                return position < head.length ? head[(int) position++] : (position++ < Long.MAX_VALUE ? 'a' : -1);
            }
        };
        assertThatThrownBy(() -> TaurusXmlReader.read(endless))
                .isInstanceOf(TaurusFormatException.class).hasMessageContaining("bigger than");
    }

    static InputStream resource(String file) {
        InputStream in = TaurusXmlReaderTest.class.getResourceAsStream("/taurus/" + file);
        assertThat(in).as(file).isNotNull();
        return in;
    }

    private static Document dom(String file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try (InputStream in = resource(file)) {
            return factory.newDocumentBuilder().parse(in);
        }
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> result = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE) {
                Element e = (Element) nodes.item(i);
                if (tag == null || tag.equals(e.getTagName())) {
                    result.add(e);
                }
            }
        }
        return result;
    }
}

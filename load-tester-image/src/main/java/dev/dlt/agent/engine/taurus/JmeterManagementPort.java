package dev.dlt.agent.engine.taurus;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The UDP port on which the run's JMeter takes {@code Shutdown} and {@code StopTestNow}, as JMeter
 * itself announced it in its console output (jmeter.out in the artifacts dir).
 *
 * <p>Stopping JMeter this way lets bzt end as if the test had finished: it reads every sample and
 * writes its results. A SIGTERM to bzt instead raises an exception wherever its main thread is, and
 * when that is inside the aggregator's merge, the samples being merged never reach results.xml.
 */
final class JmeterManagementPort {

    private static final Logger LOG = Logger.getLogger(JmeterManagementPort.class.getName());
    private static final Pattern LISTENING = Pattern.compile("Waiting for possible Shutdown/StopTestNow/\\S* ?message on port (\\d{4,5})");
    /** jmeter.out holds JMeter's start-up banner; the announcement is near its top. */
    private static final long MAX_READ_BYTES = 64 * 1024;

    private final Path artifactsDir;

    JmeterManagementPort(Path artifactsDir) {
        this.artifactsDir = artifactsDir;
    }

    /** A free UDP port on loopback to start Taurus' search for JMeter's management port from. */
    static int suggest() {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (SocketException e) {
            return 4445;
        }
    }

    /** The port JMeter said it listens on; empty before JMeter started or when it could not listen. */
    OptionalInt port() {
        try {
            Optional<Path> out = find();
            if (out.isEmpty()) {
                return OptionalInt.empty();
            }
            byte[] head;
            try (var in = Files.newInputStream(out.get())) {
                head = in.readNBytes((int) MAX_READ_BYTES);
            }
            Matcher matcher = LISTENING.matcher(new String(head, StandardCharsets.UTF_8));
            return matcher.find() ? OptionalInt.of(Integer.parseInt(matcher.group(1))) : OptionalInt.empty();
        } catch (IOException | RuntimeException e) {
            LOG.fine(() -> "cannot read JMeter's management port: " + e);
            return OptionalInt.empty();
        }
    }

    /** Sends a command (Shutdown, StopTestNow) to JMeter on loopback; false when it could not be sent. */
    boolean send(int port, String command) {
        byte[] bytes = command.getBytes(StandardCharsets.US_ASCII);
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            LOG.warning(() -> "cannot send " + command + " to JMeter on port " + port + ": " + e.getMessage());
            return false;
        }
    }

    private Optional<Path> find() throws IOException {
        Path direct = artifactsDir.resolve("jmeter.out");
        if (Files.isRegularFile(direct)) {
            return Optional.of(direct);
        }
        if (!Files.isDirectory(artifactsDir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(artifactsDir, 2)) {
            return files.filter(p -> p.getFileName().toString().equals("jmeter.out")).filter(Files::isRegularFile).findFirst();
        }
    }
}

package dev.dlt.agent.engine.taurus;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JmeterManagementPortTest {

    @TempDir
    Path artifacts;

    @Test
    void readsThePortJmeterAnnouncedInItsConsoleOutput() throws Exception {
        Files.writeString(artifacts.resolve("jmeter.out"), """
                WARNING: package sun.awt.X11 not in java.desktop
                Creating summariser <summary>
                Created the tree successfully using /tmp/a/modified_requests.jmx
                Starting standalone test @ 2026 Nov 30 17:39:26 UTC (1796060366000)
                Waiting for possible Shutdown/StopTestNow/HeapDump/ThreadDump message on port 40123
                """);

        assertThat(new JmeterManagementPort(artifacts).port()).hasValue(40123);
    }

    @Test
    void noPortBeforeJmeterStartedOrWhenItCouldNotListen() throws Exception {
        assertThat(new JmeterManagementPort(artifacts).port()).isEmpty();
        assertThat(new JmeterManagementPort(artifacts.resolve("missing")).port()).isEmpty();

        Files.createDirectories(artifacts.resolve("run"));
        Files.writeString(artifacts.resolve("run/jmeter.out"), "Failed to create UDP port\nStarting standalone test\n");
        assertThat(new JmeterManagementPort(artifacts).port()).isEmpty();
    }

    @Test
    void sendsTheCommandAsJmeterReadsIt() throws Exception {
        try (DatagramSocket jmeter = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            jmeter.setSoTimeout(10_000);

            assertThat(new JmeterManagementPort(artifacts).send(jmeter.getLocalPort(), "StopTestNow")).isTrue();

            DatagramPacket packet = new DatagramPacket(new byte[64], 64);
            jmeter.receive(packet);
            assertThat(new String(packet.getData(), 0, packet.getLength(), StandardCharsets.US_ASCII)).isEqualTo("StopTestNow");
        }
    }
}

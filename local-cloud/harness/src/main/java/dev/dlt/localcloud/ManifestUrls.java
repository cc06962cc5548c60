package dev.dlt.localcloud;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The URLs a manifest would send load to (every http(s) URL in it: request URLs, JMeter plans in
 * ConfigMaps), which the local cloud only allows on loopback: a laptop must never load-test a real site.
 */
public record ManifestUrls(List<URI> urls) {

    private static final Pattern URL = Pattern.compile("https?://[^\\s\"'<>{}|\\\\^`,]+", Pattern.CASE_INSENSITIVE);

    public static ManifestUrls in(String manifest) {
        Set<URI> urls = new LinkedHashSet<>();
        Matcher matcher = URL.matcher(manifest);
        while (matcher.find()) {
            try {
                urls.add(URI.create(matcher.group()));
            } catch (IllegalArgumentException malformed) {
                urls.add(URI.create("http://" + "malformed.invalid/"));
            }
        }
        return new ManifestUrls(List.copyOf(urls));
    }

    /** One line per URL whose host is missing or resolves to anything but loopback; empty when all are loopback. */
    public List<String> notLoopback() {
        List<String> refused = new ArrayList<>();
        for (URI url : urls) {
            String host = url.getHost();
            if (host == null) {
                refused.add(url + " (no host)");
                continue;
            }
            try {
                for (InetAddress address : InetAddress.getAllByName(host)) {
                    if (!address.isLoopbackAddress()) {
                        refused.add(url + " (" + host + " is " + address.getHostAddress() + ", not loopback)");
                        break;
                    }
                }
            } catch (UnknownHostException e) {
                refused.add(url + " (" + host + " does not resolve)");
            }
        }
        return refused;
    }

    /** Whether every URL points at {@code host:port} (and there is at least one). */
    public boolean allAt(String host, int port) {
        return !urls.isEmpty() && urls.stream().allMatch(u -> host.equals(u.getHost()) && u.getPort() == port);
    }

    /** Whether any URL points at {@code host:port}. */
    public boolean anyAt(String host, int port) {
        return urls.stream().anyMatch(u -> host.equals(u.getHost()) && u.getPort() == port);
    }
}

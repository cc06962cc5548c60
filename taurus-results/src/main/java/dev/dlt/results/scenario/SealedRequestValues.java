package dev.dlt.results.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Request values taken from Kubernetes Secrets: the operator writes a placeholder in their place and
 * the values sealed (AES-GCM) under a key derived from the run's start-gate secret into the scenario;
 * the worker agent, which holds that secret, opens them and puts them back before its engine reads
 * the scenario. The scenario object in S3 thus never holds a value in clear.
 */
public final class SealedRequestValues {

    /** The top-level key of the scenario under which sealed values travel (bzt never sees it: the agent removes it). */
    public static final String KEY = "dlt-sealed-values";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] KEY_LABEL = "dlt sealed request values v1".getBytes(StandardCharsets.US_ASCII);
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private SealedRequestValues() {
    }

    /** The placeholder the scenario carries for a header of request {@code index}. */
    public static String headerPlaceholder(int index, String header) {
        return "${secret:requests[" + index + "].headers." + header + "}";
    }

    /** The placeholder the scenario carries for the body of request {@code index}. */
    public static String bodyPlaceholder(int index) {
        return "${secret:requests[" + index + "].body}";
    }

    /** The scenario with {@code values} (placeholder to value) sealed under {@code runSecret}; unchanged when there are none. */
    public static byte[] seal(byte[] scenarioJson, Map<String, String> values, byte[] runSecret) {
        if (values.isEmpty()) {
            return scenarioJson;
        }
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(scenarioJson);
            ObjectNode sealed = root.putObject(KEY);
            for (Map.Entry<String, String> value : values.entrySet()) {
                byte[] iv = new byte[IV_BYTES];
                RANDOM.nextBytes(iv);
                Cipher cipher = cipher(Cipher.ENCRYPT_MODE, runSecret, iv, value.getKey());
                byte[] text = cipher.doFinal(value.getValue().getBytes(StandardCharsets.UTF_8));
                sealed.put(value.getKey(), Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + text.length).put(iv).put(text).array()));
            }
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (IOException | GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException("cannot seal the request values: " + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * The scenario with every header value or body that is exactly a sealed placeholder replaced by its
     * value, and the sealed values removed; unchanged when it has none. Messages name placeholders, never values.
     */
    public static byte[] open(byte[] scenarioJson, byte[] runSecret) throws IOException {
        JsonNode tree = JSON.readTree(scenarioJson);
        if (!(tree instanceof ObjectNode root) || !root.has(KEY)) {
            return scenarioJson;
        }
        if (!(root.remove(KEY) instanceof ObjectNode sealed)) {
            throw new IOException(KEY + " is not an object");
        }
        Map<String, String> values = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = sealed.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            values.put(entry.getKey(), unseal(entry.getKey(), entry.getValue().asText(), runSecret));
        }
        Set<String> used = new HashSet<>();
        for (JsonNode scenario : root.path("scenarios")) {
            for (JsonNode request : scenario.path("requests")) {
                if (!(request instanceof ObjectNode r)) {
                    continue;
                }
                if (r.path("body").isTextual() && values.containsKey(r.get("body").asText())) {
                    used.add(r.get("body").asText());
                    r.put("body", values.get(r.get("body").asText()));
                }
                if (r.path("headers") instanceof ObjectNode headers) {
                    for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> header = it.next();
                        String text = header.getValue().asText();
                        if (header.getValue().isTextual() && values.containsKey(text)) {
                            used.add(text);
                            header.setValue(JSON.getNodeFactory().textNode(values.get(text)));
                        }
                    }
                }
            }
        }
        if (!used.containsAll(values.keySet())) {
            values.keySet().removeAll(used);
            throw new IOException("sealed values without a place in the scenario: " + values.keySet());
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    }

    private static String unseal(String placeholder, String sealed, byte[] runSecret) throws IOException {
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed);
            if (bytes.length < IV_BYTES + TAG_BITS / 8) {
                throw new IOException("sealed value " + placeholder + " is too short");
            }
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, runSecret, Arrays.copyOf(bytes, IV_BYTES), placeholder);
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            // a wrong run secret or a tampered scenario: the run must not send placeholders instead of values
            throw new IOException("cannot open sealed value " + placeholder + ": " + e.getClass().getSimpleName(), e);
        }
    }

    private static Cipher cipher(int mode, byte[] runSecret, byte[] iv, String placeholder) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(runSecret, "HmacSHA256"));
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(mac.doFinal(KEY_LABEL), "AES"), new GCMParameterSpec(TAG_BITS, iv));
        // binds each value to its place: a sealed value moved to another placeholder does not open
        cipher.updateAAD(placeholder.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}

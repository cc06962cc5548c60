package dev.dlt.results.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SealedRequestValuesTest {

    private static final byte[] RUN_SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final String TOKEN = "Bearer s3cr3t-t0ken";
    private static final String BODY = "{\"password\":\"hunter2\"}";

    private static byte[] scenario() {
        String header = SealedRequestValues.headerPlaceholder(0, "Authorization");
        return new TaurusConfig(2, "1s", "5s", null, List.of(
                new TaurusConfig.Request("login", "http://127.0.0.1:8080/login", "POST", Map.of("Authorization", header, "X-Plain", "p"),
                        SealedRequestValues.bodyPlaceholder(0)))).toJson();
    }

    private static byte[] sealed() {
        return SealedRequestValues.seal(scenario(), Map.of(SealedRequestValues.headerPlaceholder(0, "Authorization"), TOKEN,
                SealedRequestValues.bodyPlaceholder(0), BODY), RUN_SECRET);
    }

    @Test
    void sealedScenarioHoldsNoValueAndOpensToTheValues() throws Exception {
        byte[] sealed = sealed();
        String text = new String(sealed, StandardCharsets.UTF_8);
        assertFalse(text.contains("s3cr3t"), text);
        assertFalse(text.contains("hunter2"), text);
        assertTrue(text.contains(SealedRequestValues.KEY));

        byte[] opened = SealedRequestValues.open(sealed, RUN_SECRET);
        assertFalse(new String(opened, StandardCharsets.UTF_8).contains(SealedRequestValues.KEY));
        TaurusConfig.Request request = TaurusConfig.fromJson(opened).requests().getFirst();
        assertEquals(TOKEN, request.headers().get("Authorization"));
        assertEquals("p", request.headers().get("X-Plain"));
        assertEquals(BODY, request.body());
    }

    @Test
    void aScenarioWithoutSealedValuesIsUnchanged() throws Exception {
        byte[] plain = scenario();
        assertArrayEquals(plain, SealedRequestValues.seal(plain, Map.of(), RUN_SECRET));
        assertArrayEquals(plain, SealedRequestValues.open(plain, RUN_SECRET));
    }

    @Test
    void anotherRunSecretCannotOpenThem() {
        byte[] other = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);
        var e = assertThrows(java.io.IOException.class, () -> SealedRequestValues.open(sealed(), other));
        assertFalse(e.getMessage().contains("s3cr3t"));
    }

    @Test
    void aValueMovedToAnotherPlaceholderDoesNotOpen() {
        String text = new String(sealed(), StandardCharsets.UTF_8);
        String header = SealedRequestValues.headerPlaceholder(0, "Authorization");
        String body = SealedRequestValues.bodyPlaceholder(0);
        // swap the two placeholders' names inside the sealed object only
        String swapped = text.replace("\"" + header + "\" :", "\"@@\" :").replace("\"" + body + "\" :", "\"" + header + "\" :")
                .replace("\"@@\" :", "\"" + body + "\" :");
        assertThrows(java.io.IOException.class, () -> SealedRequestValues.open(swapped.getBytes(StandardCharsets.UTF_8), RUN_SECRET));
    }

    @Test
    void aSealedValueWithoutItsPlaceholderIsRefused() {
        byte[] sealed = SealedRequestValues.seal(scenario(), Map.of("${secret:requests[3].body}", "x"), RUN_SECRET);
        var e = assertThrows(java.io.IOException.class, () -> SealedRequestValues.open(sealed, RUN_SECRET));
        assertTrue(e.getMessage().contains("requests[3].body"), e.getMessage());
    }
}

package dev.dlt.operator.api;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsonFormatVisitors.JsonFormatVisitorWrapper;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/** Writes a spec that could not be bound as the JSON it came as (so clones and patches keep it), any other spec as usual. */
public class LenientSpecSerializer extends StdSerializer<LenientSpec> {

    public LenientSpecSerializer() {
        super(LenientSpec.class);
    }

    @Override
    public void serialize(LenientSpec spec, com.fasterxml.jackson.core.JsonGenerator gen, SerializerProvider provider) throws IOException {
        if (spec.unboundJson() != null) {
            gen.writeTree(spec.unboundJson());
        } else {
            provider.findValueSerializer(spec.getClass()).serialize(spec, gen, provider);
        }
    }

    @Override
    public void acceptJsonFormatVisitor(JsonFormatVisitorWrapper visitor, JavaType type) throws JsonMappingException {
        visitor.getProvider().findValueSerializer(type).acceptJsonFormatVisitor(visitor, type);
    }
}

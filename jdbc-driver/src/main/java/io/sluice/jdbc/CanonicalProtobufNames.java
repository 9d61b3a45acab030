package io.sluice.jdbc;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.UnsafeByteOperations;
import java.io.IOException;
import org.apache.calcite.avatica.proto.Common.WireMessage;
import org.apache.calcite.avatica.proto.Requests;
import org.apache.calcite.avatica.remote.ProtobufTranslation;
import org.apache.calcite.avatica.remote.Service;

/**
 * Avatica names each protobuf message on the wire by its Java class, e.g.
 * {@code org.apache.calcite.avatica.proto.Requests$FetchRequest}. In the thin driver jar those
 * classes are relocated, so their names change; this translation writes and reads the original
 * names, which the server knows. Outside the thin jar the names already agree and it does nothing.
 */
final class CanonicalProtobufNames implements ProtobufTranslation {
    /** Spelt in pieces so that relocating the jar does not rewrite it. */
    private static final String CANONICAL_PACKAGE = String.join(".", "org", "apache", "calcite", "avatica", "proto") + ".";
    private static final String LOCAL_PACKAGE = Requests.class.getPackageName() + ".";

    private final ProtobufTranslation delegate;

    CanonicalProtobufNames(ProtobufTranslation delegate) {
        this.delegate = requireNonNull(delegate, "delegate is null");
    }

    static boolean needed() {
        return !CANONICAL_PACKAGE.equals(LOCAL_PACKAGE);
    }

    @Override
    public byte[] serializeResponse(Service.Response response) throws IOException {
        return rename(delegate.serializeResponse(response), LOCAL_PACKAGE, CANONICAL_PACKAGE);
    }

    @Override
    public byte[] serializeRequest(Service.Request request) throws IOException {
        return rename(delegate.serializeRequest(request), LOCAL_PACKAGE, CANONICAL_PACKAGE);
    }

    @Override
    public Service.Request parseRequest(byte[] bytes) throws IOException {
        return delegate.parseRequest(rename(bytes, CANONICAL_PACKAGE, LOCAL_PACKAGE));
    }

    @Override
    public Service.Response parseResponse(byte[] bytes) throws IOException {
        return delegate.parseResponse(rename(bytes, CANONICAL_PACKAGE, LOCAL_PACKAGE));
    }

    private static byte[] rename(byte[] bytes, String from, String to) throws IOException {
        CodedInputStream input = UnsafeByteOperations.unsafeWrap(bytes).newCodedInput();
        input.enableAliasing(true);
        WireMessage message = WireMessage.parseFrom(input);
        if (!message.getName().startsWith(from)) {
            return bytes;
        }
        return message.toBuilder().setName(to + message.getName().substring(from.length())).build().toByteArray();
    }
}

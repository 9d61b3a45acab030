package io.sluice.jdbc;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.UnsafeByteOperations;
import java.io.IOException;
import org.apache.calcite.avatica.proto.Common.WireMessage;
import org.apache.calcite.avatica.proto.Responses;
import org.apache.calcite.avatica.remote.ProtobufTranslation;
import org.apache.calcite.avatica.remote.Service;

/**
 * How the driver writes Avatica's protobuf requests and reads its responses.
 *
 * <ul>
 *   <li>Avatica names each message on the wire by its Java class, e.g.
 *   {@code org.apache.calcite.avatica.proto.Requests$FetchRequest}. In the thin driver jar those
 *   classes are relocated and their names change, so requests go out and responses come in under
 *   the original names, which the server knows.
 *   <li>Fetched rows are read by {@link FrameDecoder}, not by Avatica's slower reader.
 * </ul>
 */
final class ClientProtobufTranslation implements ProtobufTranslation {
    /** Spelt in pieces so that relocating the thin jar does not rewrite it. */
    private static final String CANONICAL_PACKAGE = String.join(".", "org", "apache", "calcite", "avatica", "proto") + ".";
    private static final String LOCAL_PACKAGE = Responses.class.getPackageName() + ".";
    private static final String FETCH_RESPONSE = Responses.FetchResponse.class.getName();

    private final ProtobufTranslation delegate;

    ClientProtobufTranslation(ProtobufTranslation delegate) {
        this.delegate = requireNonNull(delegate, "delegate is null");
    }

    @Override
    public byte[] serializeRequest(Service.Request request) throws IOException {
        byte[] bytes = delegate.serializeRequest(request);
        WireMessage message = parse(bytes);
        String name = rename(message.getName(), LOCAL_PACKAGE, CANONICAL_PACKAGE);
        return name.equals(message.getName()) ? bytes : message.toBuilder().setName(name).build().toByteArray();
    }

    @Override
    public Service.Response parseResponse(byte[] bytes) throws IOException {
        WireMessage message = parse(bytes);
        String name = rename(message.getName(), CANONICAL_PACKAGE, LOCAL_PACKAGE);
        if (name.equals(FETCH_RESPONSE)) {
            Responses.FetchResponse fetch = Responses.FetchResponse.parseFrom(message.getWrappedMessage());
            return new Service.FetchResponse(FrameDecoder.decode(fetch.getFrame()), fetch.getMissingStatement(),
                    fetch.getMissingResults(), fetch.hasMetadata()
                            ? new Service.RpcMetadataResponse(fetch.getMetadata().getServerAddress()) : null);
        }
        return delegate.parseResponse(name.equals(message.getName()) ? bytes
                : message.toBuilder().setName(name).build().toByteArray());
    }

    /** The driver sends requests and reads responses only. */
    @Override
    public byte[] serializeResponse(Service.Response response) {
        throw new UnsupportedOperationException("the driver does not answer requests");
    }

    /** The driver sends requests and reads responses only. */
    @Override
    public Service.Request parseRequest(byte[] bytes) {
        throw new UnsupportedOperationException("the driver does not answer requests");
    }

    private static WireMessage parse(byte[] bytes) throws IOException {
        CodedInputStream input = UnsafeByteOperations.unsafeWrap(bytes).newCodedInput();
        input.enableAliasing(true);
        return WireMessage.parseFrom(input);
    }

    private static String rename(String name, String from, String to) {
        return !from.equals(to) && name.startsWith(from) ? to + name.substring(from.length()) : name;
    }
}

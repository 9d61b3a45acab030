package io.sluice.engine.server;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.List;
import org.apache.calcite.avatica.proto.Common;
import org.apache.calcite.avatica.proto.Responses;
import org.apache.calcite.avatica.remote.ProtobufTranslation;
import org.apache.calcite.avatica.remote.Service;

/**
 * How the server reads Avatica's protobuf requests and writes its responses: fetched rows by
 * {@link FrameEncoder}, errors without stack traces.
 */
final class ServerProtobufTranslation implements ProtobufTranslation {
    private final ProtobufTranslation delegate;

    ServerProtobufTranslation(ProtobufTranslation delegate) {
        this.delegate = requireNonNull(delegate, "delegate is null");
    }

    @Override
    public Service.Request parseRequest(byte[] bytes) throws IOException {
        return delegate.parseRequest(bytes);
    }

    @Override
    public byte[] serializeResponse(Service.Response response) throws IOException {
        if (response instanceof Service.ErrorResponse error) {
            return delegate.serializeResponse(withoutStackTraces(error));
        }
        if (!(response instanceof Service.FetchResponse fetch) || fetch.frame == null) {
            return delegate.serializeResponse(response);
        }
        Responses.FetchResponse.Builder message = Responses.FetchResponse.newBuilder()
                .setFrame(FrameEncoder.encode(fetch.frame))
                .setMissingStatement(fetch.missingStatement)
                .setMissingResults(fetch.missingResults);
        if (fetch.rpcMetadata != null && fetch.rpcMetadata.serverAddress != null) {
            message.setMetadata(Responses.RpcMetadata.newBuilder().setServerAddress(fetch.rpcMetadata.serverAddress));
        }
        return Common.WireMessage.newBuilder()
                .setName(Responses.FetchResponse.class.getName())
                .setWrappedMessage(message.build().toByteString())
                .build()
                .toByteArray();
    }

    /**
     * The error without the server's stack traces, which Avatica puts in every error it answers:
     * a client gets the SQLState and message, the server's log has the rest.
     */
    private static Service.ErrorResponse withoutStackTraces(Service.ErrorResponse error) {
        return new Service.ErrorResponse(List.of(), error.errorMessage, error.errorCode, error.sqlState,
                error.severity, error.rpcMetadata);
    }

    /** The server reads requests and writes responses only. */
    @Override
    public byte[] serializeRequest(Service.Request request) {
        throw new UnsupportedOperationException("the server does not send requests");
    }

    /** The server reads requests and writes responses only. */
    @Override
    public Service.Response parseResponse(byte[] bytes) {
        throw new UnsupportedOperationException("the server does not read responses");
    }
}

package io.approvals.console.client;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Collects a body up to a cap; past it, cancels the exchange and fails with a message naming the cap. */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final int cap;
    private final int status;
    private final String requestId;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    private java.util.concurrent.Flow.Subscription subscription;

    CappedBody(int cap, int status, String requestId) {
        this.cap = cap;
        this.status = status;
        this.requestId = requestId;
    }

    @Override
    public java.util.concurrent.CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(java.util.concurrent.Flow.Subscription s) {
        subscription = s;
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<java.nio.ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        for (java.nio.ByteBuffer b : buffers) {
            if ((long) bytes.size() + b.remaining() > cap) {
                subscription.cancel();
                result.completeExceptionally(new ApiException.CapReached(
                        status,
                        "the answer is larger than "
                                + (cap >= 1 << 20 ? (cap >> 20) + " MiB" : cap + " bytes")
                                + ", the console's cap on bytes per response",
                        requestId));
                return;
            }
            byte[] chunk = new byte[b.remaining()];
            b.get(chunk);
            bytes.write(chunk, 0, chunk.length);
        }
    }

    @Override
    public void onError(Throwable t) {
        result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        result.complete(bytes.toByteArray());
    }
}

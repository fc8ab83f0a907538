package net.voipbin.flowmanager.http;

import java.time.Duration;

/** POSTs JSON to a customer URL (webhook_send, fetch), signed when a secret is given. */
public interface CustomerHttp {

    /** The answer; an unreachable URL or the timeout throws {@link CustomerHttpException}. */
    Response post(String url, byte[] body, String secret, Duration timeout);

    record Response(int status, byte[] body) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    final class CustomerHttpException extends RuntimeException {
        public CustomerHttpException(String message) {
            super(message);
        }
    }
}

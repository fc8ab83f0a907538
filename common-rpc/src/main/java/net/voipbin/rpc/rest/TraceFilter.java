package net.voipbin.rpc.rest;

import java.io.IOException;

import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import net.voipbin.rpc.trace.Trace;

/**
 * Starts a trace at the REST edge ({@code X-Trace-Id} if the caller sent one) and echoes it in the
 * response, so a customer quoting it lets an operator find every log line of the request; names the
 * service in the MDC too, as the message consumers do.
 */
final class TraceFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Trace-Id";

    /** The service named in the logging MDC during a request (none in a slice test without one). */
    private final String service;

    TraceFilter(String service) {
        this.service = service;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String incoming = request.getHeader(HEADER);
        String traceId = incoming != null && incoming.matches("[A-Za-z0-9-]{1,64}") ? incoming : null;
        ServletException[] servletFailure = new ServletException[1];
        IOException[] ioFailure = new IOException[1];
        if (service != null) {
            MDC.put(Trace.SERVICE_MDC_KEY, service);
        }
        try {
            Trace.runWith(traceId, () -> {
                response.setHeader(HEADER, Trace.currentOrNew());
                try {
                    chain.doFilter(request, response);
                } catch (ServletException e) {
                    servletFailure[0] = e;
                } catch (IOException e) {
                    ioFailure[0] = e;
                }
            });
        } finally {
            MDC.remove(Trace.SERVICE_MDC_KEY);
        }
        if (servletFailure[0] != null) {
            throw servletFailure[0];
        }
        if (ioFailure[0] != null) {
            throw ioFailure[0];
        }
    }
}

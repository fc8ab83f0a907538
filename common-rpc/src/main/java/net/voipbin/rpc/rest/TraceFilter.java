package net.voipbin.rpc.rest;

import java.io.IOException;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import net.voipbin.rpc.trace.Trace;

/**
 * Starts a trace at the REST edge ({@code X-Trace-Id} if the caller sent one) and echoes it in the
 * response, so a customer quoting it lets an operator find every log line of the request.
 */
final class TraceFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Trace-Id";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String incoming = request.getHeader(HEADER);
        String traceId = incoming != null && incoming.matches("[A-Za-z0-9-]{1,64}") ? incoming : null;
        ServletException[] servletFailure = new ServletException[1];
        IOException[] ioFailure = new IOException[1];
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
        if (servletFailure[0] != null) {
            throw servletFailure[0];
        }
        if (ioFailure[0] != null) {
            throw ioFailure[0];
        }
    }
}

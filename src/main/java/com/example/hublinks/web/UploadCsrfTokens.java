package com.example.hublinks.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Spring Security's CSRF tokens (masked per response), read from a multipart upload's
 * {@code X-CSRF-TOKEN} header or query string only, never from its body: reading a form
 * parameter makes the container parse (and spool) the whole upload, and that must wait until the
 * request is known to come from an HR user. The upload form therefore posts to {@code /rosters?_csrf=…}.
 */
final class UploadCsrfTokens implements CsrfTokenRequestHandler {

    private final XorCsrfTokenRequestAttributeHandler masked = new XorCsrfTokenRequestAttributeHandler();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> token) {
        masked.handle(request, response, token);
    }

    @Override
    public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
        return masked.resolveCsrfTokenValue(isMultipart(request) ? new QueryStringOnly(request) : request, token);
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.regionMatches(true, 0, MediaType.MULTIPART_FORM_DATA_VALUE, 0,
                MediaType.MULTIPART_FORM_DATA_VALUE.length());
    }

    /** A request whose parameters are those of its query string alone. */
    private static final class QueryStringOnly extends HttpServletRequestWrapper {

        QueryStringOnly(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getParameter(String name) {
            String query = getQueryString();
            if (query == null) {
                return null;
            }
            List<String> values = UriComponentsBuilder.newInstance().query(query).build().getQueryParams().get(name);
            return values == null || values.isEmpty() || values.get(0) == null ? null
                    : UriUtils.decode(values.get(0), StandardCharsets.UTF_8);
        }
    }
}

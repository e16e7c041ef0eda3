package com.example.hublinks.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * A script's request: HTTP Basic credentials and {@code Accept: application/json} named outright
 * (not through {@code *}{@code /*}). Only these are signed in with Basic, statelessly and without a
 * CSRF token; a browser's cross-site form cannot set that Accept header, so it cannot ride on
 * Basic credentials the browser has cached. A Basic request without it is a browser's, and refused.
 */
final class ScriptRequests implements RequestMatcher {

    private static final String BASIC = "Basic ";

    @Override
    public boolean matches(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())
                && acceptsJson(request);
    }

    static boolean acceptsJson(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null) {
            return false;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream().anyMatch(type -> "application".equals(type.getType())
                    && "json".equals(type.getSubtype()));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}

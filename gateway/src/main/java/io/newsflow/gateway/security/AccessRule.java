package io.newsflow.gateway.security;

import io.newsflow.gateway.config.EdgeProperties.Role;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.AntPathMatcher;

/** The role a request needs, from its method and path (API.md: reader, partner, operator). */
final class AccessRule {

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private AccessRule() {
    }

    /** The role needed, or null for what anyone may call (health, metrics scraping, API docs). */
    static Role required(ServerHttpRequest request) {
        String path = request.getPath().value();
        if (!path.startsWith("/api/")) {
            return null;
        }
        if (PATHS.match("/api/v1/admin/**", path)) {
            return Role.OPERATOR;
        }
        boolean post = HttpMethod.POST.equals(request.getMethod());
        if (post && (path.equals("/api/v1/articles") || path.equals("/api/v1/articles:batch"))) {
            return Role.PARTNER;
        }
        if (PATHS.match("/api/v1/articles/*/status", path)) {
            return Role.PARTNER;
        }
        return Role.READER;
    }
}

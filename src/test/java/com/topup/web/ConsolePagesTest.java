package com.topup.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.http.HttpMethod;
import org.junit.jupiter.api.Test;

class ConsolePagesTest {

    @Test
    void consoleRoutesAndTheIndexArePages() {
        for (String path : new String[] {"/admin/", "/admin/index.html", "/admin/dashboard", "/admin/rules/routing",
                "/admin/rules/routing/versions/3", "/admin/orders/T2026-1", "/admin/apiary"}) {
            assertTrue(ConsolePages.isPageRequest(HttpMethod.GET, path), path);
        }
        assertTrue(ConsolePages.isPageRequest(HttpMethod.HEAD, "/admin/audit"));
    }

    @Test
    void theStaffApiFilesOtherPathsAndWritesAreNot() {
        for (String path : new String[] {"/admin/api", "/admin/api/", "/admin/api/nothing-here", "/admin/api/orders/T1",
                "/admin/assets/index-1a2b.js", "/admin/favicon.svg", "/admin", "/api/v1/orders", "/", "/q/health"}) {
            assertFalse(ConsolePages.isPageRequest(HttpMethod.GET, path), path);
        }
        assertFalse(ConsolePages.isPageRequest(HttpMethod.POST, "/admin/dashboard"));
        assertFalse(ConsolePages.isPageRequest(HttpMethod.DELETE, "/admin/rules"));
    }
}

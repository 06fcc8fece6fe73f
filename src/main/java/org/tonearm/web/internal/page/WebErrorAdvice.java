package org.tonearm.web.internal.page;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.tonearm.shared.TonearmException;

/**
 * Errors of the web pages as a page in the layout (404, 403, 500…) instead of the API's problem+json, which stays
 * for every API path: this advice only covers the web module's controllers (docs/web.md#errors). A 5xx page shows
 * no detail; a 4xx page shows a short text by status only (a 404 never says whether a user exists).
 */
@ControllerAdvice(basePackages = "org.tonearm.web")
@Order(Ordered.HIGHEST_PRECEDENCE)
class WebErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(WebErrorAdvice.class);

    @ExceptionHandler(TonearmException.class)
    ModelAndView refused(TonearmException e, HttpServletRequest request, HttpServletResponse response) {
        return page(e.status(), request, response);
    }

    /** {@code /artist/abc}, {@code /year/99999999999}: an address whose id is no number names no page. */
    @ExceptionHandler(TypeMismatchException.class)
    ModelAndView noSuchPage(TypeMismatchException e, HttpServletRequest request, HttpServletResponse response) {
        return page(404, request, response);
    }

    @ExceptionHandler(Exception.class)
    ModelAndView failed(Exception e, HttpServletRequest request, HttpServletResponse response) {
        log.error("web page failed", e);
        return page(500, request, response);
    }

    static ModelAndView page(int status, HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(status);
        ModelAndView page = new ModelAndView("error");
        // an exception handler's model gets no @ModelAttribute of WebPageAdvice: the layout's nav and login flag
        page.addObject("layout", PageLayout.of(request));
        page.addObject("status", status);
        page.addObject("key", switch (status) {
            case 403 -> "error.403";
            case 404 -> "error.404";
            default -> status >= 500 ? "error.500" : "error.400";
        });
        page.setStatus(org.springframework.http.HttpStatusCode.valueOf(status));
        return page;
    }
}

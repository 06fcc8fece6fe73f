package org.tonearm.web.internal.page;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the layout needs on every page (docs/web.md#layout): the nav and the signed-in flag, made once per request
 * ({@link PageLayout}; Thymeleaf 3.1 no longer exposes the request to templates).
 */
@ControllerAdvice(basePackages = "org.tonearm.web")
class WebPageAdvice {

    @ModelAttribute("layout")
    PageLayout layout(HttpServletRequest request) {
        return PageLayout.of(request);
    }
}

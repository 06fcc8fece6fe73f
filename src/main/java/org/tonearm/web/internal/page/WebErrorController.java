package org.tonearm.web.internal.page;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The error page for what happens before a controller runs (the security chain's "access denied" forwards here)
 * and for paths under the web's prefixes that no page maps, in the layout like {@link WebErrorAdvice}'s.
 */
@Controller
class WebErrorController {

    /**
     * Any other path under the web's prefixes (WebPaths.ALL) that no page maps: the 404 page rather than the API's
     * problem+json. The least specific pattern, so every page's own mapping wins.
     */
    @RequestMapping({"/settings/**", "/top/**", "/history/**", "/discoveries/**", "/streaks/**", "/year/**",
        "/import/**", "/connections/**", "/artist/**", "/album/**", "/track/**", "/admin/**", "/ui/**"})
    ModelAndView notFound(HttpServletRequest request, HttpServletResponse response) {
        return WebErrorAdvice.page(404, request, response);
    }

    @RequestMapping("/ui/error/{status}")
    ModelAndView error(@PathVariable int status, HttpServletRequest request, HttpServletResponse response) {
        return WebErrorAdvice.page(status >= 400 && status <= 599 ? status : 404, request, response);
    }
}

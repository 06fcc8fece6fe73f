package org.tonearm.web.internal.config;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.linkbuilder.StandardLinkBuilder;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * Only asset links go through the resource chain (docs/web.md#speed). Thymeleaf hands every {@code @{…}} link to
 * {@code response.encodeURL}, where Spring's {@code ResourceUrlEncodingFilter} looks it up as a static resource to
 * put its content hash in: for a page link ({@code /artist/12}, {@code /ui/history/7/edit}) that is a class-path
 * search of every jar in each static location, and a miss is not cached — measured at 1,000,000 listens, the
 * 50-row history page spent ~0.5 s of its 0.53 s there on the shared machine (docs/performance.md, "Web pages").
 * A link is an asset when its path ends in an asset's extension; the rest is left as written (the web chain turns
 * URL session ids off anyway, so encodeURL has nothing else to add).
 *
 * <p>An asset link's rewritten URL is kept once found: its content hash cannot change in a running application, and
 * looking it up again (the request wrappers down to {@code ResourceUrlProvider}'s path matching and its resolver
 * chain) was 2–8 % of a light page's request CPU for the layout's six asset links (docs/performance.md, "Web pages:
 * the fixed cost of a page"). A link the chain left as written (no such asset) is not kept, so it is looked up again.
 */
@Configuration(proxyBeanMethods = false)
class AssetLinkConfiguration {

    static final Pattern ASSET = Pattern.compile(".*\\.(css|js|svg|png|ico|woff2?|map)(?:[?#].*)?$");

    @Bean
    static BeanPostProcessor assetLinksOnly() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof SpringTemplateEngine engine) {
                    engine.setLinkBuilder(new AssetLinkBuilder());
                }
                return bean;
            }
        };
    }

    static final class AssetLinkBuilder extends StandardLinkBuilder {

        /** The templates' asset links are literals: a few dozen; the bound only guards against a surprise. */
        static final int MAX_KEPT = 1_000;

        private final Map<String, String> rewritten = new ConcurrentHashMap<>();

        @Override
        protected String processLink(IExpressionContext context, String link) {
            if (!ASSET.matcher(link).matches()) {
                return link;
            }
            String known = rewritten.get(link);
            if (known != null) {
                return known;
            }
            String url = super.processLink(context, link);
            if (!url.equals(link) && rewritten.size() < MAX_KEPT) {
                rewritten.put(link, url);
            }
            return url;
        }
    }
}

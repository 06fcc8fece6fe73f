package org.tonearm.web.internal.config;

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
        @Override
        protected String processLink(IExpressionContext context, String link) {
            return ASSET.matcher(link).matches() ? super.processLink(context, link) : link;
        }
    }
}

package org.tonearm.listens.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tonearm.listens.Classifier;
import org.tonearm.listens.ListensProperties;

@Configuration(proxyBeanMethods = false)
class ListensConfiguration {

    @Bean
    Classifier classifier(ListensProperties properties) {
        return new Classifier(properties);
    }
}

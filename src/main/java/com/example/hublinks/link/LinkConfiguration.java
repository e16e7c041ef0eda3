package com.example.hublinks.link;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;

/** The link signer of the job definition; lazy, so commands that sign nothing need no secret. */
@Configuration(proxyBeanMethods = false)
class LinkConfiguration {

    @Bean
    @Lazy
    public LinkSigner linkSigner(LinkSettings links, Environment environment) {
        SigningSecret secret = SigningSecretLoader.load(links, environment::getProperty);
        return new LinkSigner(new LinkFormat(links.baseUrl()), secret);
    }

    @Bean
    @Lazy
    public LinkVerifier linkVerifier(LinkSigner signer) {
        return new LinkVerifier(signer);
    }
}

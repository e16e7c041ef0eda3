package com.example.hublinks.web;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** {@code GET /login}: the sign-in form (Spring Security handles its {@code POST}). */
@Controller
@Profile(WebProcess.SERVE_PROFILE)
class SignInController {

    @GetMapping("/login")
    ModelAndView signIn(@RequestParam(required = false) String error, @RequestParam(required = false) String paused,
                        @RequestParam(required = false) String signedOut) {
        return new ModelAndView("login").addObject("error", error != null).addObject("paused", paused != null)
                .addObject("signedOut", signedOut != null);
    }
}

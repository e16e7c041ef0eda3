package com.example.hublinks.web;

import com.example.hublinks.support.JobSettings;
import org.springframework.context.annotation.Profile;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.ui.Model;

/** What every page shows: the job, who is signed in (and whether as HR), and the form's CSRF token. */
@ControllerAdvice(assignableTypes = {UploadController.class, NightsController.class, SignInController.class})
@Profile(WebProcess.SERVE_PROFILE)
class PageModel {

    private final String job;

    PageModel(JobSettings job) {
        this.job = job.name();
    }

    @ModelAttribute
    void common(Model model, CsrfToken csrf, Authentication user) {
        model.addAttribute("job", job);
        model.addAttribute("csrf", csrf);
        if (user != null) {
            model.addAttribute("user", user.getName());
            model.addAttribute("hr", user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_HR")));
        }
    }
}

package org.tonearm.web.internal.page;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.ui.Model;
import org.tonearm.shared.TonearmException;

/**
 * A refused form as the page shows it (docs/web.md#forms): the identity module's field errors next to their fields
 * — the API's own messages, keyed by the API's field names ({@code display_name}, {@code new_password}...), which
 * are also the form inputs' names — and any other refusal (a taken email, a closed registration) above the form.
 * Templates read {@code errors.field('email')} and {@code errors.global}.
 */
public record FormErrors(Map<String, String> fields, String global) {

    public static final FormErrors NONE = new FormErrors(Map.of(), null);

    public static FormErrors of(TonearmException e) {
        Map<String, String> fields = new LinkedHashMap<>();
        e.fieldErrors().forEach(f -> fields.merge(f.field(), f.message(), (a, b) -> a + "; " + b));
        return new FormErrors(fields, fields.isEmpty() ? e.getMessage() : null);
    }

    public static FormErrors field(String field, String message) {
        return new FormErrors(Map.of(field, message), null);
    }

    public String field(String name) {
        return fields.get(name);
    }

    public boolean has(String name) {
        return fields.containsKey(name);
    }

    /** Adds the errors to the model under {@code name} (one page may have several forms). */
    public void addTo(Model model, String name) {
        model.addAttribute(name, this);
    }
}

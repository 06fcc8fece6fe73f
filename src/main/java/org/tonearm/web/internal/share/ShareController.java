package org.tonearm.web.internal.share;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.tonearm.identity.CurrentUser;
import org.tonearm.shared.TonearmException;
import org.tonearm.stats.Entity;
import org.tonearm.stats.RangeRequest;
import org.tonearm.stats.StatsService;
import org.tonearm.stats.StatsShares;
import org.tonearm.stats.TopItem;
import org.tonearm.stats.TopOrder;

/**
 * Sharing (issue #12 item 5): {@code POST /shares} makes a link to the year in review or a top list, {@code /shares}
 * lists mine with revoke; {@code /s/{token}} is the public read-only card (OpenGraph/Twitter tags) and
 * {@code /s/{token}/image.png} its 1200×630 image. A revoked or unknown token is a 404 for both.
 */
@Controller
class ShareController {

    private final StatsShares shares;
    private final StatsService stats;
    private final MessageSource messages;

    ShareController(StatsShares shares, StatsService stats, MessageSource messages) {
        this.shares = shares;
        this.stats = stats;
        this.messages = messages;
    }

    @GetMapping("/shares")
    String list(Model model) {
        model.addAttribute("shares", shares.list(CurrentUser.get().id()));
        return "shares";
    }

    @PostMapping("/shares")
    String create(@RequestParam String kind, @RequestParam String subject, RedirectAttributes redirect) {
        StatsShares.Kind k = StatsShares.Kind.valueOf(kind.toUpperCase(Locale.ROOT));
        StatsShares.Created c = shares.create(CurrentUser.get().id(), k, subject);
        redirect.addFlashAttribute("created", "/s/" + c.token());
        return "redirect:/shares";
    }

    @PostMapping("/shares/{id}/revoke")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        shares.revoke(CurrentUser.get().id(), id);
        redirect.addFlashAttribute("notice", "shares.revoked");
        return "redirect:/shares";
    }

    @GetMapping("/s/{token}")
    String card(@PathVariable String token, Model model, Locale locale) {
        Card card = card(token, locale);
        model.addAttribute("card", card);
        model.addAttribute("pageUrl", ServletUriComponentsBuilder.fromCurrentContextPath().path("/s/" + token).toUriString());
        model.addAttribute("imageUrl",
                ServletUriComponentsBuilder.fromCurrentContextPath().path("/s/" + token + "/image.png").toUriString());
        return "share-card";
    }

    @GetMapping("/s/{token}/image.png")
    ResponseEntity<byte[]> image(@PathVariable String token, Locale locale) {
        Card card = card(token, locale);
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(ShareImage.png(card.title(), card.subtitle(), card.lines()));
    }

    /** What a card shows: read from the stats façade each time, so it follows corrections and deletions. */
    record Card(String title, String subtitle, List<String> lines) {}

    private Card card(String token, Locale locale) {
        StatsShares.Share s = shares.open(token).orElseThrow(() -> TonearmException.notFound("Shared link"));
        if (s.kind() == StatsShares.Kind.YEAR) {
            var y = stats.year(s.userId(), Integer.parseInt(s.subject()));
            String title = messages.getMessage("year.title", new Object[] {s.subject()}, locale);
            String subtitle = messages.getMessage("shares.yearSubtitle",
                    new Object[] {y.figures().plays(), y.figures().listeningTimeMs() / 3_600_000}, locale);
            return new Card(title, subtitle, names(y.topArtists()));
        }
        Entity kind = Entity.valueOf(s.kind().name());
        var range = stats.resolve(s.userId(), RangeRequest.named(s.subject()));
        var top = stats.top(s.userId(), range, kind, TopOrder.PLAYS, 5, 0);
        String title = messages.getMessage("shares.topTitle." + kind.name().toLowerCase(Locale.ROOT), null, locale);
        String subtitle = messages.getMessage("range." + s.subject(), null, locale);
        return new Card(title, subtitle, names(top.items()));
    }

    private static List<String> names(List<TopItem> items) {
        return items.stream().limit(5).map(i -> i.kind() == Entity.ARTISTS || i.artists().isEmpty() ? i.name()
                : i.name() + " — " + i.artists().get(0).name()).toList();
    }
}

package org.tonearm.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tonearm.catalog.Identifiers;
import org.tonearm.catalog.TrackCredit;
import org.tonearm.listens.Channel;
import org.tonearm.listens.IncomingListen;
import org.tonearm.listens.ListenJournal;
import org.tonearm.listens.ListenService;
import org.tonearm.listens.Service;
import org.tonearm.shared.TonearmException;
import org.tonearm.testsupport.IntegrationTestBase;
import org.tonearm.testsupport.TestUsers;

/**
 * The two façades the web pages of issue #12 items 4 and 5 added, on both databases: share links (random token, only
 * its hash stored, revocable, owner-scoped) and the listens journal (the API's filters, cursor and correction rules).
 */
class StatsSharesIntegrationTests extends IntegrationTestBase {

    @Autowired
    StatsShares shares;

    @Autowired
    ListenJournal journal;

    @Autowired
    ListenService listens;

    @Test
    void aShareOpensByItsTokenOnlyUntilRevokedAndOnlyItsOwnerRevokesIt() {
        long ann = TestUsers.create(database, "UTC");
        long bob = TestUsers.create(database, "UTC");
        StatsShares.Created year = shares.create(ann, StatsShares.Kind.YEAR, "2024");
        StatsShares.Created top = shares.create(ann, StatsShares.Kind.ARTISTS, "THIS_MONTH");
        assertThat(year.token()).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(top.token());
        assertThat(shares.open(year.token())).get().extracting(StatsShares.Share::subject).isEqualTo("2024");
        assertThat(shares.open(top.token())).get().extracting(StatsShares.Share::subject).isEqualTo("this_month");
        assertThat(shares.list(ann)).extracting(StatsShares.Share::id)
                .containsExactly(top.share().id(), year.share().id());
        // the database holds the hash, not the token
        assertThat(database.dsl().fetchCount(org.tonearm.schema.Tables.STATS_SHARES,
                org.tonearm.schema.Tables.STATS_SHARES.TOKEN_HASH.eq(year.token()))).isZero();
        assertThat(shares.revoke(bob, year.share().id())).isFalse();
        assertThat(shares.open(year.token())).isPresent();
        assertThat(shares.revoke(ann, year.share().id())).isTrue();
        assertThat(shares.open(year.token())).isEmpty();
        assertThat(shares.open(top.token())).isPresent();
        assertThat(shares.open("not-a-token")).isEmpty();
        assertThatThrownBy(() -> shares.create(ann, StatsShares.Kind.YEAR, "last year"))
                .isInstanceOf(TonearmException.class);
        assertThatThrownBy(() -> shares.create(ann, StatsShares.Kind.TRACKS, "fortnight"))
                .isInstanceOf(TonearmException.class);
    }

    @Test
    void theJournalPagesNewestFirstAndCorrectsWithTheApiRules() {
        long user = TestUsers.create(database, "UTC");
        long t = 1_700_000_000_000L;
        listens.ingestBatch(List.of(
                IncomingListen.of(user, new TrackCredit("Air", List.of(), "La Femme d'Argent", "Moon Safari", 300_000L,
                        Identifiers.NONE), t, null, Service.SPOTIFY, Channel.NATIVE_API),
                IncomingListen.of(user, new TrackCredit("Air", List.of(), "Sexy Boy", "Moon Safari", 300_000L,
                        Identifiers.NONE), t + 600_000, null, Service.SPOTIFY, Channel.NATIVE_API),
                IncomingListen.of(user, new TrackCredit("Justice", List.of(), "D.A.N.C.E.", "Cross", 240_000L,
                        Identifiers.NONE), t + 1_200_000, null, Service.SPOTIFY, Channel.NATIVE_API)));
        var first = journal.page(user, new ListenJournal.Query(null, null, null, null, null, null, null, null, 2));
        // the catalog is shared by every test of the run: a track keeps the spelling it was first seen with, so
        // compare names case-insensitively (another test may have played "La femme d'argent" first)
        assertThat(first.items()).extracting(e -> e.track().toLowerCase(Locale.ROOT))
                .containsExactly("d.a.n.c.e.", "sexy boy");
        var second = journal.page(user, new ListenJournal.Query(null, null, null, null, null, null, null, first.next(), 2));
        assertThat(second.items()).extracting(e -> e.track().toLowerCase(Locale.ROOT))
                .containsExactly("la femme d'argent");
        assertThat(second.next()).isNull();
        var air = journal.page(user, new ListenJournal.Query(null, null, "air", null, null, null, null, null, 50));
        assertThat(air.items()).hasSize(2).allSatisfy(e -> assertThat(e.artistLine()).isEqualToIgnoringCase("Air"));

        long id = first.items().get(0).id();
        assertThatThrownBy(() -> journal.correct(user, id, Map.of("track", " ")))
                .isInstanceOfSatisfying(TonearmException.class,
                        e -> assertThat(e.fieldErrors()).extracting(f -> f.field()).containsExactly("track"));
        var fixed = journal.correct(user, id, Map.of("track", "D.A.N.C.E. (Live)"));
        assertThat(fixed.track()).isEqualToIgnoringCase("D.A.N.C.E. (Live)");
        assertThat(fixed.album()).isEqualToIgnoringCase("Cross");
        long other = TestUsers.create(database, "UTC");
        assertThatThrownBy(() -> journal.correct(other, id, Map.of("track", "x"))).isInstanceOf(TonearmException.class);
        assertThat(journal.delete(other, id)).isFalse();
        assertThat(journal.delete(user, id)).isTrue();
        assertThat(journal.find(user, id)).isEmpty();
    }
}

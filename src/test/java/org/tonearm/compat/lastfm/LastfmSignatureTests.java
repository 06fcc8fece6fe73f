package org.tonearm.compat.lastfm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class LastfmSignatureTests {

    @Test
    void signsSortedNameValuePairsWithTheSecretAppended() {
        Map<String, String> params = Map.of("method", "auth.getSession", "api_key", "k", "token", "t");
        // api_key k + method auth.getSession + token t + secret s
        assertThat(LastfmSignature.sign(params, "s"))
                .isEqualTo(LegacyDigests.md5Hex("api_keykmethodauth.getSessiontokents"));
    }

    @Test
    void leavesOutFormatCallbackAndTheSignatureItself() {
        Map<String, String> bare = Map.of("method", "m", "api_key", "k");
        Map<String, String> more = new TreeMap<>(bare);
        more.put("format", "json");
        more.put("callback", "cb");
        more.put("api_sig", "whatever");
        assertThat(LastfmSignature.sign(more, "s")).isEqualTo(LastfmSignature.sign(bare, "s"));
    }

    @Test
    void sortsIndexedNamesInAsciiOrderSoTenComesBeforeOne() {
        Map<String, String> params = Map.of("artist[1]", "b", "artist[10]", "c", "artist[0]", "a");
        assertThat(LastfmSignature.sign(params, "s"))
                .isEqualTo(LegacyDigests.md5Hex("artist[0]aartist[10]cartist[1]bs"));
    }

    @Test
    void verifiesCaseInsensitivelyAndRejectsAnyOtherSignature() {
        Map<String, String> params = new TreeMap<>(Map.of("method", "m", "api_key", "k"));
        params.put("api_sig", LastfmSignature.sign(params, "s").toUpperCase());
        assertThat(LastfmSignature.verify(params, "s")).isTrue();
        assertThat(LastfmSignature.verify(params, "other")).isFalse();
        params.put("api_sig", "");
        assertThat(LastfmSignature.verify(params, "s")).isFalse();
    }
}

package org.tonearm.listens.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TimeWindowsTests {

    @Test
    void startsCloserThanTwiceTheReachShareOneWindow() {
        List<long[]> windows = TimeWindows.around(new long[] {1_000, 0, 400}, 300);
        assertThat(windows).hasSize(1);
        assertThat(windows.get(0)).containsExactly(-300, 1_300);
    }

    @Test
    void touchingWindowsMergeAndAGapSplits() {
        // 0±100 = [-100,100]; 200±100 = [100,300] touches it; 301±100 = [201,401] overlaps; 1000 is apart
        List<long[]> windows = TimeWindows.around(new long[] {1_000, 301, 200, 0}, 100);
        assertThat(windows).hasSize(2);
        assertThat(windows.get(0)).containsExactly(-100, 401);
        assertThat(windows.get(1)).containsExactly(900, 1_100);
    }

    @Test
    void oneStartIsOneWindow() {
        assertThat(TimeWindows.around(new long[] {5}, 10)).singleElement()
                .satisfies(w -> assertThat(w).containsExactly(-5, 15));
    }
}

package org.juryroom.web.jury;

import org.juryroom.judging.JurorStats;
import org.juryroom.ranking.RankingQuery.Figures;
import org.juryroom.web.Formats;

import java.util.ArrayList;
import java.util.List;

/**
 * A juror's "how you mark" block: done of assigned, then per criterion (and for the total) their
 * average and spread beside the jury's. Figures come formatted: "⌀ 7.2 ± 1.1".
 *
 * @param jury false while the jury's figures are withheld (too few other jurors)
 */
public record StatsView(long done, long assigned, boolean jury, int minOtherJurors, List<Line> lines) {

    /** @param you / juryFigure "⌀ mean ± sd", or "–" */
    public record Line(String name, String scale, String you, String juryFigure, boolean total) {
    }

    public static StatsView of(JurorStats.Stats s) {
        List<Line> lines = new ArrayList<>();
        s.criteria().forEach(k -> lines.add(new Line(k.name(), k.minScore() + "–" + k.maxScore(), text(k.you()),
                text(k.jury()), false)));
        lines.add(new Line(null, "0–100", text(s.totalYou()), text(s.totalJury()), true));
        return new StatsView(s.done(), s.assigned(), s.juryShown(), s.minOtherJurors(), List.copyOf(lines));
    }

    /** Whether the juror has any counted marks yet. */
    public boolean scored() {
        return !lines.isEmpty() && !lines.get(lines.size() - 1).you().equals("–");
    }

    static String text(Figures f) {
        return f == null || f.mean() == null ? "–" : "⌀ " + Formats.score(f.mean()) + " ± " + Formats.score(f.sd());
    }
}

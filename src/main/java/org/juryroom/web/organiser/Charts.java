package org.juryroom.web.organiser;

import org.juryroom.ranking.RankingQuery.JurorSpread;
import org.juryroom.ranking.RankingService.RankingRow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Geometry of the organiser's charts, drawn as inline SVG by the templates (no script, no
 * library). Pure arithmetic: rows in, coordinates out.
 */
public final class Charts {

    private Charts() {
    }

    public record Tick(double x, String label) {
    }

    /** One juror's box: whiskers min–max, box q1–q3, median line, mean dot, all on the 0–100 axis. */
    public record BoxRow(String name, long count, double y, double xMin, double xQ1, double xMedian, double xQ3,
                         double xMax, double xMean, String mean, String tone) {
        public double boxWidth() {
            return Math.max(1, xQ3 - xQ1);
        }

        public double textY() {
            return y + 4;
        }

        public double boxTop() {
            return y - 10;
        }

        public double boxBottom() {
            return y + 10;
        }

        public double capTop() {
            return y - 6;
        }

        public double capBottom() {
            return y + 6;
        }
    }

    public record BoxChart(int width, int height, double plotLeft, double plotRight, double axisY, double overallX,
                           String overallMean, List<Tick> ticks, List<BoxRow> rows) {
        public double tickLabelY() {
            return axisY + 16;
        }

        public double statX() {
            return plotRight + 12;
        }

        public double tagX() {
            return plotRight + 108;
        }
    }

    /** One ranked entry near the cut: its score as a dot, its probability of making the shortlist as a bar. */
    public record CutRow(int rank, String code, double y, double x, boolean in, boolean flagged, String p,
                         double pWidth) {
        public double textY() {
            return y + 4;
        }

        public double barY() {
            return y - 6;
        }
    }

    public record CutChart(int width, int height, double plotLeft, double plotRight, double barLeft, double barWidth,
                           double cutY, double axisY, List<Tick> ticks, List<CutRow> rows) {
        public double tickLabelY() {
            return axisY + 16;
        }

        public double percentX() {
            return barLeft + barWidth + 8;
        }

        public double cutEnd() {
            return barLeft - 8;
        }

        /** The label sits on the cut line, in the gap between two probability bars. */
        public double cutLabelX() {
            return barLeft;
        }

        public double cutLabelY() {
            return cutY + 4;
        }
    }

    static final int WIDTH = 820;
    static final double LEFT = 170;
    static final double RIGHT = 640;
    static final double ROW = 34;
    static final double TOP = 16;

    /**
     * Jurors whose mean total sits more than max(5 points, half the overall spread) below or above
     * the mean of all totals are tagged "harsh" or "lenient" (what z-score normalisation corrects).
     */
    public static BoxChart jurorBoxes(List<JurorSpread> jurors) {
        long n = jurors.stream().mapToLong(JurorSpread::count).sum();
        double mean = n == 0 ? 50 : jurors.stream().mapToDouble(j -> j.mean() * j.count()).sum() / n;
        double secondMoment = n == 0 ? 0 : jurors.stream()
                .mapToDouble(j -> j.count() * (j.stdDev() * j.stdDev() + j.mean() * j.mean())).sum() / n;
        double sd = Math.sqrt(Math.max(0, secondMoment - mean * mean));
        double threshold = Math.max(5, sd / 2);
        List<BoxRow> rows = new ArrayList<>();
        for (int i = 0; i < jurors.size(); i++) {
            JurorSpread j = jurors.get(i);
            double y = TOP + i * ROW + ROW / 2;
            String tone = j.mean() < mean - threshold ? "harsh" : j.mean() > mean + threshold ? "lenient" : "";
            rows.add(new BoxRow(j.name(), j.count(), y, x100(j.min()), x100(j.q1()), x100(j.median()), x100(j.q3()),
                    x100(j.max()), x100(j.mean()), one(j.mean()), tone));
        }
        double axisY = TOP + jurors.size() * ROW + 6;
        List<Tick> ticks = new ArrayList<>();
        for (int v = 0; v <= 100; v += 20) {
            ticks.add(new Tick(x100(v), String.valueOf(v)));
        }
        return new BoxChart(WIDTH, (int) Math.ceil(axisY + 24), LEFT, RIGHT, axisY, x100(mean), one(mean), ticks, rows);
    }

    /** The rows ranked from ten places above the cut to ten below it. */
    public static CutChart nearCut(List<RankingRow> ranked, int shortlistSize) {
        List<RankingRow> near = ranked.stream()
                .filter(r -> r.rank() > shortlistSize - 10 && r.rank() <= shortlistSize + 10).toList();
        double lo = near.stream().mapToDouble(RankingRow::score).min().orElse(0);
        double hi = near.stream().mapToDouble(RankingRow::score).max().orElse(100);
        double pad = Math.max(1, (hi - lo) * 0.08);
        lo = Math.floor(lo - pad);
        hi = Math.ceil(hi + pad);
        double plotLeft = 110;
        double plotRight = 580;
        double barLeft = 620;
        double barWidth = 130;
        double row = 24;
        List<CutRow> rows = new ArrayList<>();
        double cutY = TOP;
        for (int i = 0; i < near.size(); i++) {
            RankingRow r = near.get(i);
            double y = TOP + i * row + row / 2;
            double x = plotLeft + (r.score() - lo) / (hi - lo) * (plotRight - plotLeft);
            boolean in = r.rank() <= shortlistSize;
            if (in) {
                cutY = y + row / 2;
            }
            rows.add(new CutRow(r.rank(), r.code(), y, x, in, r.flagged(),
                    r.pTopN() == null ? "" : Math.round(r.pTopN() * 100) + "%",
                    r.pTopN() == null ? 0 : r.pTopN() * barWidth));
        }
        double axisY = TOP + near.size() * row + 6;
        List<Tick> ticks = new ArrayList<>();
        double step = niceStep((hi - lo) / 5);
        for (double v = Math.ceil(lo / step) * step; v <= hi + 1e-9; v += step) {
            ticks.add(new Tick(plotLeft + (v - lo) / (hi - lo) * (plotRight - plotLeft), trim(v)));
        }
        return new CutChart(WIDTH, (int) Math.ceil(axisY + 24), plotLeft, plotRight, barLeft, barWidth, cutY, axisY,
                ticks, rows);
    }

    static double x100(double value) {
        return LEFT + Math.max(0, Math.min(100, value)) / 100 * (RIGHT - LEFT);
    }

    static double niceStep(double raw) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1e-9))));
        double r = raw / magnitude;
        return (r <= 1 ? 1 : r <= 2 ? 2 : r <= 5 ? 5 : 10) * magnitude;
    }

    private static String one(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : one(v);
    }
}

package io.approvals.console.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Median, min, max and percentiles of a set of samples. */
public record Stats(double median, double min, double max, double p95, double p99, int n) {

    public static Stats of(List<Double> samples) {
        if (samples.isEmpty()) {
            return new Stats(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
        }
        List<Double> s = new ArrayList<>(samples);
        Collections.sort(s);
        return new Stats(
                percentile(s, 50), s.get(0), s.get(s.size() - 1), percentile(s, 95), percentile(s, 99), s.size());
    }

    /** Nearest-rank percentile of sorted samples. */
    static double percentile(List<Double> sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}

package io.approvals.console.bench;

/**
 * One measured figure: its stats, the floor it is compared with (same run, same machine), and the
 * target it must meet.
 *
 * @param floorMedian null when the figure has no floor
 * @param target      e.g. "<= 1.2 x floor"; empty when none
 * @param met         null when there is no target to judge
 */
public record Figure(
        String section,
        String name,
        String unit,
        Stats stats,
        Double floorMedian,
        String target,
        Boolean met,
        String note) {

    public Double ratio() {
        return floorMedian == null || floorMedian == 0 ? null : stats.median() / floorMedian;
    }
}

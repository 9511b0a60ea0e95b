package org.fusemath.validation.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.fusemath.validation.harness.CaseOutcome;
import org.fusemath.validation.harness.CaseSelection;
import org.fusemath.validation.harness.ProblemSize;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The report's plots, drawn by XChart and encoded as PNG: per operation, each case's error relative to its bound
 * against its problem size (one series per dtype and space, with the bound as a line at 1); per domain, each case's
 * time against its problem size (one series per space and provider). Both axes are logarithmic. Stateless.
 */
final class ReportPlots {
    /** Ratios below this (exact results) are drawn at it, so that a logarithmic axis can show them. */
    static final double RATIO_FLOOR = 1e-6;
    /** Times below this many milliseconds are drawn at it. */
    static final double TIME_FLOOR_MS = 1e-3;
    private static final int WIDTH = 560;
    private static final int HEIGHT = 320;

    /** One plot: what it shows (title, caption) and its PNG bytes. */
    record Plot(String kind, String group, String title, String caption, byte[] png) {
        String dataUri() {
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
        }
    }

    private record Point(double x, double y) {
    }

    private ReportPlots() {
    }

    /** error/bound against problem size, one plot per operation that has plottable cases. */
    static List<Plot> errorPlots(List<CaseOutcome> outcomes) {
        Map<String, Map<String, List<Point>>> byOp = new TreeMap<>();
        for (CaseOutcome o : outcomes) {
            double size = ProblemSize.elements(o.shape());
            if (o.error() == null || o.bound() == null || !(o.bound() > 0) || !(size > 0)) {
                continue;
            }
            double ratio = o.error() / o.bound();
            if (Double.isNaN(ratio)) {
                continue;
            }
            byOp.computeIfAbsent(CaseSelection.family(o.op()), k -> new TreeMap<>())
                    .computeIfAbsent(o.dtype() + " " + o.space(), k -> new ArrayList<>())
                    .add(new Point(size, Math.max(RATIO_FLOOR, Math.min(ratio, 1e6))));
        }
        List<Plot> plots = new ArrayList<>();
        for (Map.Entry<String, Map<String, List<Point>>> op : byOp.entrySet()) {
            XYChart chart = chart(op.getKey() + ": error / bound", "problem size (product of the shape's dimensions)",
                    "error / bound");
            double lo = Double.POSITIVE_INFINITY;
            double hi = 0;
            for (Map.Entry<String, List<Point>> s : op.getValue().entrySet()) {
                addScatter(chart, s.getKey(), s.getValue());
                for (Point p : s.getValue()) {
                    lo = Math.min(lo, p.x());
                    hi = Math.max(hi, p.x());
                }
            }
            XYSeries bound = chart.addSeries("bound", new double[] {lo / 2, hi * 2}, new double[] {1, 1});
            bound.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            bound.setMarker(SeriesMarkers.NONE);
            bound.setLineColor(java.awt.Color.RED);
            plots.add(new Plot("error", op.getKey(), op.getKey() + ": error relative to its bound",
                    "Each case's error / bound (at most 1 passes; the red line is the bound) against its problem size; "
                            + "exact results are drawn at " + RATIO_FLOOR + ".", png(chart)));
        }
        return plots;
    }

    /** Time against problem size, one plot per domain, one series per space and provider. */
    static List<Plot> timePlots(List<CaseOutcome> outcomes, Function<CaseOutcome, String> provider) {
        Map<String, Map<String, List<Point>>> byDomain = new TreeMap<>();
        for (CaseOutcome o : outcomes) {
            double size = ProblemSize.elements(o.shape());
            if (o.status() == org.fusemath.validation.harness.CaseStatus.SKIP || !(size > 0)) {
                continue;
            }
            byDomain.computeIfAbsent(o.suite(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(o.space() + " " + provider.apply(o), k -> new ArrayList<>())
                    .add(new Point(size, Math.max(TIME_FLOOR_MS, o.millis())));
        }
        List<Plot> plots = new ArrayList<>();
        for (Map.Entry<String, Map<String, List<Point>>> d : byDomain.entrySet()) {
            XYChart chart = chart(d.getKey() + ": time", "problem size (product of the shape's dimensions)", "time (ms)");
            for (Map.Entry<String, List<Point>> s : d.getValue().entrySet()) {
                addScatter(chart, s.getKey(), s.getValue());
            }
            plots.add(new Plot("time", d.getKey(), d.getKey() + ": time against problem size",
                    "Each case's time (reference and checks included) per space and provider; times under "
                            + TIME_FLOOR_MS + " ms are drawn at it.", png(chart)));
        }
        return plots;
    }

    private static XYChart chart(String title, String x, String y) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(x).yAxisTitle(y).build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setMarkerSize(6);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        return chart;
    }

    private static void addScatter(XYChart chart, String name, List<Point> points) {
        double[] xs = new double[points.size()];
        double[] ys = new double[points.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = points.get(i).x();
            ys[i] = points.get(i).y();
        }
        chart.addSeries(name, xs, ys);
    }

    private static byte[] png(XYChart chart) {
        // Drawing needs no display: off-screen rendering in a headless JVM.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("encoding a plot as PNG failed", e);
        }
    }
}

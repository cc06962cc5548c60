package dev.dlt.operator.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A line chart as inline SVG: no script, no fetch, readable in any browser and in a mail attachment. */
final class SvgChart {

    static final String[] COLORS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf"};
    private static final int WIDTH = 880;
    private static final int HEIGHT = 260;
    private static final int LEFT = 64;
    private static final int RIGHT = 28;
    private static final int TOP = 28;
    private static final int BOTTOM = 40;

    private final String title;
    private final String unit;
    private final List<Series> series = new ArrayList<>();

    SvgChart(String title, String unit) {
        this.title = title;
        this.unit = unit;
    }

    SvgChart line(String name, double[] xs, double[] ys) {
        series.add(new Series(name, xs, ys));
        return this;
    }

    String render() {
        double maxX = 1;
        double maxY = 0;
        for (Series s : series) {
            for (int i = 0; i < s.xs.length; i++) {
                maxX = Math.max(maxX, s.xs[i]);
                maxY = Math.max(maxY, s.ys[i]);
            }
        }
        double stepY = niceStep(maxY <= 0 ? 1 : maxY / 5);
        double topY = Math.max(stepY, Math.ceil(maxY / stepY) * stepY);
        double stepX = niceStep(maxX / 8);
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"").append(Html.escape(title)).append("\">");
        svg.append("<text x=\"").append(LEFT).append("\" y=\"18\" class=\"title\">").append(Html.escape(title))
                .append(unit.isEmpty() ? "" : " (" + Html.escape(unit) + ")").append("</text>");
        for (double y = 0; y <= topY + stepY / 2; y += stepY) {
            double py = TOP + plotH - y / topY * plotH;
            svg.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\"/>", LEFT, WIDTH - RIGHT, py, py));
            svg.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>", LEFT - 6, py + 4,
                    number(y)));
        }
        for (double x = 0; x <= maxX + stepX / 2; x += stepX) {
            double px = LEFT + x / maxX * plotW;
            svg.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%ss</text>", px,
                    HEIGHT - BOTTOM + 16, number(x)));
        }
        svg.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\"/>", LEFT, WIDTH - RIGHT,
                TOP + plotH, TOP + plotH));
        int legendX = LEFT;
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k);
            String color = COLORS[k % COLORS.length];
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < s.xs.length; i++) {
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", LEFT + s.xs[i] / maxX * plotW, TOP + plotH - s.ys[i] / topY * plotH));
            }
            svg.append("<polyline class=\"series\" fill=\"none\" stroke-width=\"2\" stroke=\"").append(color).append("\" points=\"")
                    .append(points.toString().trim()).append("\"><title>").append(Html.escape(s.name)).append("</title></polyline>");
            svg.append("<rect x=\"").append(legendX).append("\" y=\"").append(HEIGHT - 14).append("\" width=\"10\" height=\"10\" fill=\"")
                    .append(color).append("\"/><text class=\"legend\" x=\"").append(legendX + 14).append("\" y=\"").append(HEIGHT - 5)
                    .append("\">").append(Html.escape(s.name)).append("</text>");
            legendX += 24 + Math.min(s.name.length(), 30) * 7;
        }
        return svg.append("</svg>").toString();
    }

    private static double niceStep(double raw) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1e-9))));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * magnitude >= raw) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }

    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        String text = String.format(Locale.ROOT, Math.abs(value) >= 10 ? "%.1f" : "%.2f", value);
        return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
    }

    private record Series(String name, double[] xs, double[] ys) {
    }
}
